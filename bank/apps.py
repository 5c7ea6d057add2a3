from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BankConfig(AppConfig):
    name = "bank"
    verbose_name = _("Банк проектных решений")

    def ready(self):
        from bank import signals  # noqa: F401 (connects the reindexing of published solutions)
