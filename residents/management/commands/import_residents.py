"""manage.py import_residents FILE [--dry-run]: internal residents from the school's register export."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from residents.imports import ImportFileError, import_residents


class Command(BaseCommand):
    help = gettext_lazy(
        "Импорт внутренних резидентов из выгрузки школы (CSV или XLSX: фамилия, имя, класс, роль, e-mail)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("Файл CSV (UTF-8 или Windows-1251) или XLSX"))
        parser.add_argument("--dry-run", action="store_true", help=gettext_lazy("Только показать, что изменится"))

    def handle(self, *args, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("Файл не найден: %(file)s") % {"file": file})

        def progress(rows):
            return tqdm(rows, desc=_("Резиденты"), unit=_("стр."), disable=len(rows) < 200, file=self.stderr)

        try:
            report = import_residents(path.read_bytes(), filename=path.name, dry_run=dry_run, progress=progress)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.stdout.write(_("Пробный запуск: ничего не сохранено."))
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok and not dry_run:
            raise CommandError(_("Импорт отменён из-за ошибок в файле."))
