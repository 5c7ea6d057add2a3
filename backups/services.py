"""Backups of the database and the media files, and their restore, checked by a manifest of SHA-256 hashes.

A backup is a folder:

- `database.dump` (PostgreSQL, `pg_dump` in its custom format) or `database.sqlite3` (SQLite, a consistent
  copy made by SQLite's backup API while the site runs);
- `media/`: every uploaded file (documents, original images, renditions);
- `manifest.json`: when, which engine, how many pages, documents and images, a fingerprint of `SECRET_KEY`
  (API tokens are keyed on it) and the SHA-256 of every file above.

Restoring checks every hash before touching anything, replaces the database (all-or-nothing on PostgreSQL),
copies the media files and checks them again, then counts the pages, documents and images.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

MANIFEST = "manifest.json"
MEDIA = "media"
FORMAT = 1

# progress(items, desc=, unit=) wraps an iterable in a progress bar (the commands pass tqdm).
Progress = Callable[..., Iterable]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


def _no_progress(items, **kwargs):
    return items


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def secret_key_fingerprint() -> str:
    """Tells whether two servers share SECRET_KEY without revealing it."""
    return salted_hmac("backups.secret-key-fingerprint", "backup", algorithm="sha256").hexdigest()[:16]


def content_counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
    }


def _engine() -> str:
    vendor = connection.vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(_("Резервное копирование не умеет работать с базой %(vendor)s") % {"vendor": vendor})
    return vendor


def _postgres_env() -> dict[str, str]:
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def _run(command: list[str]) -> None:
    result = subprocess.run(command, env=_postgres_env(), capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(command)s завершился с ошибкой: %(error)s") % {"command": command[0], "error": result.stderr.strip()}
        )


def _dump_database(target: Path, engine: str) -> Path:
    if engine == "postgresql":
        path = target / "database.dump"
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(path),
                settings.DATABASES["default"]["NAME"],
            ]
        )
        return path
    path = target / "database.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return path


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


@dataclass
class BackupReport:
    folder: Path
    engine: str
    counts: dict[str, int]
    files: int
    bytes: int


def backup_create(*, folder: Path, progress: Progress = _no_progress) -> BackupReport:
    """Writes a backup of the database and MEDIA_ROOT into `folder` (new or empty)."""
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(_("Папка для копии не пуста: %(folder)s") % {"folder": folder})
    folder.mkdir(parents=True, exist_ok=True)
    engine = _engine()
    counts = content_counts()
    database = _dump_database(folder, engine)
    media_root = Path(settings.MEDIA_ROOT)
    copied = []
    for source in progress(_media_files(media_root), desc=_("Медиафайлы"), unit=_("файл")):
        relative = source.relative_to(media_root)
        destination = folder / MEDIA / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        copied.append(destination)
    hashes = {}
    for path in progress([database, *copied], desc=_("Контрольные суммы"), unit=_("файл")):
        hashes[path.relative_to(folder).as_posix()] = file_sha256(path)
    manifest = {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "engine": engine,
        "database": database.name,
        "counts": counts,
        "secret_key_fingerprint": secret_key_fingerprint(),
        "files": hashes,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    size = sum((folder / name).stat().st_size for name in hashes)
    return BackupReport(folder=folder, engine=engine, counts=counts, files=len(copied), bytes=size)


def manifest_read(folder: Path) -> dict:
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(
            _("Нет или не читается %(manifest)s в %(folder)s: %(error)s")
            % {"manifest": MANIFEST, "folder": folder, "error": error}
        ) from error
    if manifest.get("format") != FORMAT:
        raise BackupError(_("Неизвестный формат копии: %(format)s") % {"format": manifest.get("format")})
    return manifest


def backup_verify(folder: Path, *, progress: Progress = _no_progress) -> dict:
    """The manifest, once every file it lists is present with its hash; raises BackupError otherwise."""
    manifest = manifest_read(folder)
    bad = []
    for name, expected in progress(sorted(manifest["files"].items()), desc=_("Проверка копии"), unit=_("файл")):
        path = folder / name
        if not path.is_file() or file_sha256(path) != expected:
            bad.append(name)
    if bad:
        raise BackupError(
            _("Копия повреждена, не совпадают контрольные суммы: %(files)s") % {"files": ", ".join(bad[:10])}
        )
    return manifest


def _restore_database(folder: Path, manifest: dict) -> None:
    engine = _engine()
    if manifest["engine"] != engine:
        raise BackupError(
            _("Копия сделана для %(saved)s, а настроена база %(engine)s")
            % {"saved": manifest["engine"], "engine": engine}
        )
    source = folder / manifest["database"]
    connection.close()
    if engine == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                settings.DATABASES["default"]["NAME"],
                str(source),
            ]
        )
        return
    backup = sqlite3.connect(source)
    target = sqlite3.connect(settings.DATABASES["default"]["NAME"])
    try:
        backup.backup(target)
    finally:
        target.close()
        backup.close()


@dataclass
class RestoreReport:
    counts: dict[str, int]
    files: int
    warnings: list[str] = field(default_factory=list)


def backup_restore(*, folder: Path, progress: Progress = _no_progress) -> RestoreReport:
    """Replaces the database and adds the media files of the backup in `folder`, checked before and after."""
    manifest = backup_verify(folder, progress=progress)
    _restore_database(folder, manifest)
    media_root = Path(settings.MEDIA_ROOT)
    media_files = sorted(name for name in manifest["files"] if name.startswith(f"{MEDIA}/"))
    bad = []
    for name in progress(media_files, desc=_("Медиафайлы"), unit=_("файл")):
        destination = media_root / Path(name).relative_to(MEDIA)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(folder / name, destination)
        if file_sha256(destination) != manifest["files"][name]:
            bad.append(name)
    if bad:
        raise BackupError(_("Файлы записаны с ошибкой: %(files)s") % {"files": ", ".join(bad[:10])})
    report = RestoreReport(counts=content_counts(), files=len(media_files))
    if report.counts != manifest["counts"]:
        raise BackupError(
            _("После восстановления в базе %(found)s, а в копии %(saved)s")
            % {"found": report.counts, "saved": manifest["counts"]}
        )
    if manifest["secret_key_fingerprint"] != secret_key_fingerprint():
        report.warnings.append(
            _(
                "SECRET_KEY этого сервера не тот, с которым сделана копия: выданные API-токены не будут работать. "
                "Поставьте прежний SECRET_KEY или выпустите токены заново."
            )
        )
    return report
