"""Daily e-mails about checkpoints: due in two days, and overdue (on the first day after the due date).

Run once a day (cron or a scheduler). Each checkpoint is reminded at most once a day, so running it twice
sends nothing new.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from projects.services import checkpoints_remind


class Command(BaseCommand):
    help = "Напоминания о контрольных точках проектов: срок через 2 дня и просроченные."

    def handle(self, *args, **options):
        sent = checkpoints_remind(today=timezone.localdate(), progress=self.progress)
        self.stdout.write(f"Отправлено писем: {sent}")

    def progress(self, rows):
        return tqdm(rows, desc="Контрольные точки", file=self.stderr, disable=len(rows) < 50)
