"""Wagtail's `update_index`, then the bank's search rows and facet totals rebuilt from the pages, with a
progress bar."""

from tqdm import tqdm
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from bank.models import SolutionPage
from search.services import rebuild_totals, sync_solution_rows

CHUNK = 1000


class Command(WagtailUpdateIndex):
    help = "Перестраивает поисковые индексы Wagtail и строки поиска по банку решений."

    def handle(self, **options):
        super().handle(**options)
        ids = list(SolutionPage.objects.order_by("pk").values_list("pk", flat=True))
        with tqdm(total=len(ids), unit="реш.", desc="Строки поиска по банку", disable=self.verbosity == 0) as bar:
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                sync_solution_rows(chunk)
                bar.update(len(chunk))
        rebuild_totals()
