from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from bank.models import SolutionBankPage
from bank.services import generate_solutions


class Command(BaseCommand):
    help = "Создаёт N сгенерированных проектных решений в банке (одинаковых при одинаковом --seed) для замеров."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="Сколько решений создать")
        parser.add_argument("--seed", type=int, default=1, help="Зерно генератора: одно зерно — одни и те же решения")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--no-index", action="store_true", help="Не индексировать (потом выполните update_index)")

    def handle(self, *args, count, seed, batch_size, no_index, **options):
        if count < 1:
            raise CommandError("Число решений должно быть положительным.")
        bank = SolutionBankPage.objects.order_by("path").first()
        if bank is None:
            raise CommandError("Банк решений не найден: сначала выполните manage.py load_demo.")
        with tqdm(total=count, unit="реш.", desc="Решения", disable=options["verbosity"] == 0) as bar:
            generate_solutions(
                bank=bank, count=count, seed=seed, batch_size=batch_size, index=not no_index, progress=bar.update
            )
        self.stdout.write(self.style.SUCCESS(f"Создано решений: {count}"))
