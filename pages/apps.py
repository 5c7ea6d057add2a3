from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Страницы коворкинга")

    def ready(self):
        from pages import metadata  # noqa: F401  (its receivers forget the cached home pages)
