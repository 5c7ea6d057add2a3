"""Wagtail's `update_index`, then whatever other apps derive from the index (`search.signals.index_rebuilt`),
each with a progress bar."""

from django.conf import settings
from tqdm import tqdm
from wagtail.search.management.commands.update_index import Command as WagtailUpdateIndex

from search.conf import for_rebuild
from search.signals import index_rebuilt


class Command(WagtailUpdateIndex):
    help = "Перестраивает поисковые индексы Wagtail и то, что приложения строят по ним (строки поиска по банку)."

    def handle(self, **options):
        backends = settings.WAGTAILSEARCH_BACKENDS
        settings.WAGTAILSEARCH_BACKENDS = for_rebuild(backends)
        try:
            super().handle(**options)
        finally:
            settings.WAGTAILSEARCH_BACKENDS = backends
        index_rebuilt.send(sender=self.__class__, progress=self.progress_bar)

    def progress_bar(self, *, total: int, desc: str, unit: str = "") -> tqdm:
        return tqdm(total=total, desc=desc, unit=unit, disable=self.verbosity == 0)
