"""`manage.py backup` and `manage.py restore`: a backup restored into an empty database and an empty media
folder gives back every page, revision, document and image, and every file with its hash.

On SQLite in the normal suite; on PostgreSQL when DATABASE_URL is PostgreSQL (CI runs both). The restore
runs as an operator runs it: `manage.py restore` in its own process, pointed at the empty database.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from backups.services import BackupError, backup_verify, file_sha256
from pages.models import StandardPage
from tests.factories import make_document, make_empty_home, make_image

PROJECT = Path(__file__).resolve().parents[2]

QUERIES = {
    "pages": "SELECT id, path, title, slug, live, latest_revision_id FROM wagtailcore_page ORDER BY id",
    "revisions": "SELECT id, object_id, content_type_id FROM wagtailcore_revision ORDER BY id",
    "documents": "SELECT id, title, file, file_hash FROM wagtaildocs_document ORDER BY id",
    "images": "SELECT id, title, file, file_hash, width, height FROM wagtailimages_image ORDER BY id",
}


def rows(cursor) -> dict[str, list[tuple]]:
    found = {}
    for name, sql in QUERIES.items():
        cursor.execute(sql)
        found[name] = [tuple(row) for row in cursor.fetchall()]
    return found


def media_hashes(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): file_sha256(path) for path in root.rglob("*") if path.is_file()}


def build_site():
    home = make_empty_home()
    for number in range(3):
        page = home.add_child(
            instance=StandardPage(title=f"Положение о коворкинге {number}", slug=f"polozhenie-{number}")
        )
        page.save_revision().publish()
    make_document("Положение о цифровом коворкинге", content=b"%PDF-1.4 polozhenie")
    make_image("Выставка проектов", width=64, height=48).get_rendition("fill-32x32")


class EmptyDatabase:
    """An empty database of the suite's engine, and its DATABASE_URL."""

    def __init__(self, tmp_path: Path):
        self.settings = connection.settings_dict
        if connection.vendor == "sqlite":
            self.path = tmp_path / "restored.sqlite3"
            self.url = f"sqlite:///{self.path}"
            return
        self.name = f"{self.settings['NAME']}_restore"
        self.url = "postgres://{USER}@{HOST}:{PORT}/".format(**self.settings) + self.name
        self._admin(f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"')

    def _admin(self, *statements: str, dbname: str = "postgres"):
        with psycopg.connect(
            dbname=dbname,
            host=self.settings["HOST"],
            port=self.settings["PORT"],
            user=self.settings["USER"],
            password=self.settings["PASSWORD"] or None,
            autocommit=True,
        ) as admin:
            for statement in statements:
                admin.execute(statement)

    def rows(self) -> dict[str, list[tuple]]:
        if connection.vendor == "sqlite":
            with sqlite3.connect(self.path) as restored:
                return rows(restored.cursor())
        with psycopg.connect(
            dbname=self.name,
            host=self.settings["HOST"],
            port=self.settings["PORT"],
            user=self.settings["USER"],
            password=self.settings["PASSWORD"] or None,
        ) as restored:
            return rows(restored.cursor())

    def drop(self):
        if connection.vendor != "sqlite":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}"')


def restore(folder: Path, *, database_url: str, media_root: Path, secret_key: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment.update(
        DJANGO_SETTINGS_MODULE="coworking.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        SECRET_KEY=secret_key,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(folder), "--noinput"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow_subprocess
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_every_page_document_and_file_into_an_empty_database(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    build_site()
    with connection.cursor() as cursor:
        original = rows(cursor)
    original_media = media_hashes(settings.MEDIA_ROOT)
    assert len(original_media) >= 3  # the document, the original image and its rendition

    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    database = EmptyDatabase(tmp_path)
    try:
        result = restore(
            tmp_path / "backup",
            database_url=database.url,
            media_root=tmp_path / "restored-media",
            secret_key=settings.SECRET_KEY,
        )
        assert result.returncode == 0, result.stderr
        assert "контрольные суммы совпадают" in result.stdout
        assert "SECRET_KEY" not in result.stderr
        assert database.rows() == original
    finally:
        database.drop()
    assert media_hashes(tmp_path / "restored-media") == original_media

    damaged = next((tmp_path / "backup" / "media").rglob("*.pdf"))
    damaged.write_bytes(b"%PDF-1.4 changed")
    with pytest.raises(BackupError, match="Копия повреждена"):
        backup_verify(tmp_path / "backup")  # restore checks this before touching anything
