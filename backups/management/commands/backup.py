"""manage.py backup [FOLDER]: the database and the media files, with a manifest of SHA-256 hashes."""

import datetime
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from backups.services import BackupError, backup_create


class Command(BaseCommand):
    help = gettext_lazy(
        "Резервная копия: база (PostgreSQL через pg_dump, SQLite через её backup API) и медиафайлы, "
        "с манифестом контрольных сумм SHA-256. SECRET_KEY храните отдельно: от него зависят API-токены."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", help=gettext_lazy("Новая или пустая папка (по умолчанию var/backups/<дата-время>)")
        )

    def handle(self, *args, folder, **options):
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
        target = Path(folder) if folder else Path(settings.BASE_DIR) / "var" / "backups" / stamp

        def progress(items, **kwargs):
            return tqdm(items, file=self.stderr, disable=options["verbosity"] == 0, **kwargs)

        started = time.monotonic()
        try:
            report = backup_create(folder=target, progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Копия готова: %(folder)s (%(engine)s; страниц %(pages)s, документов %(documents)s, "
                "изображений %(images)s; медиафайлов %(files)s; %(megabytes).1f МБ) за %(seconds).1f с"
            )
            % {
                "folder": report.folder,
                "engine": report.engine,
                **report.counts,
                "files": report.files,
                "megabytes": report.bytes / 1e6,
                "seconds": time.monotonic() - started,
            }
        )
        self.stdout.write(_("Храните рядом, но отдельно, SECRET_KEY этого сервера: без него API-токены не заработают."))
