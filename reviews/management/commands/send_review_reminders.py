"""Reminds experts of reviews still due: once a day at most per assignment, nearest deadline first."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from reviews.services import reminder_send, reminders_due


class Command(BaseCommand):
    help = "Напоминает экспертам по e-mail о работах, которые ждут их оценки."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="Напоминать за столько дней до срока (по умолчанию 3).")

    def handle(self, *args, days: int, **options):
        now = timezone.now()
        due = reminders_due(now=now, horizon=datetime.timedelta(days=days))
        sent = 0
        for assignment in tqdm(due, desc="Напоминания", unit="эксп.", disable=options["verbosity"] == 0):
            sent += reminder_send(assignment=assignment, now=now)
        self.stdout.write(self.style.SUCCESS(f"Отправлено напоминаний: {sent} из {len(due)}"))
