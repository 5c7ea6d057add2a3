"""manage.py restore FOLDER: the database and the media files of a backup, checked by its manifest."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from backups.services import BackupError, backup_restore


class Command(BaseCommand):
    help = gettext_lazy(
        "Восстанавливает базу и медиафайлы из резервной копии (manage.py backup), сверив контрольные суммы. "
        "База заменяется целиком."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help=gettext_lazy("Папка копии (с manifest.json)"))
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help=gettext_lazy("Не спрашивать подтверждения"),
        )

    def handle(self, *args, folder, interactive, **options):
        if interactive:
            answer = input(
                _("База %(name)s будет заменена копией из %(folder)s. Продолжить? [yes/no] ")
                % {"name": connection.settings_dict["NAME"], "folder": folder}
            )
            if answer.strip().lower() != "yes":
                raise CommandError(_("Восстановление отменено."))

        def progress(items, **kwargs):
            return tqdm(items, file=self.stderr, disable=options["verbosity"] == 0, **kwargs)

        started = time.monotonic()
        try:
            report = backup_restore(folder=Path(folder), progress=progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            _(
                "Восстановлено за %(seconds).1f с: страниц %(pages)s, документов %(documents)s, "
                "изображений %(images)s, медиафайлов %(files)s; контрольные суммы совпадают."
            )
            % {**report.counts, "files": report.files, "seconds": time.monotonic() - started}
        )
