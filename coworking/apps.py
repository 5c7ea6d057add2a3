from django.apps import AppConfig


class CoworkingConfig(AppConfig):
    name = "coworking"
    verbose_name = "Coworking"

    def ready(self):
        from coworking import page_cache  # noqa: F401 (connects the purge of cached pages)
