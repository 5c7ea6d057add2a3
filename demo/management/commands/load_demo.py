import time

from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo
from pages.demo.data import DemoDataError


class Command(BaseCommand):
    help = "Строит демо-сайт из файлов данных областей (<app>/demo/*.yaml). Повторный запуск ничего не меняет."

    def handle(self, *args, **options):
        started = time.perf_counter()
        try:
            load_demo(report=lambda line: self.stdout.write(f"  {line}"))
        except DemoDataError as error:
            raise CommandError(f"Демо-контент не загружен, ничего не изменено: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"Демо-контент готов за {time.perf_counter() - started:.1f} с"))
