from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = _("Резиденты")

    def ready(self):
        from residents import restrictions  # noqa: F401 (connects the forgetting of cached view restrictions)
