import time

from django.core.management.base import BaseCommand

from pages.demo.loader import load_demo


class Command(BaseCommand):
    help = "Builds the demo site in Russian from the seed documents. Running it again changes nothing."

    def handle(self, *args, **options):
        started = time.perf_counter()
        load_demo(report=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(self.style.SUCCESS(f"Демо-контент готов за {time.perf_counter() - started:.1f} с"))
