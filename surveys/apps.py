from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Surveys and feedback forms (Wagtail's form builder). Named `surveys`, not `forms`, so that it can never
    shadow `django.forms` or Wagtail's `forms` modules on an import path."""

    name = "surveys"
    verbose_name = _("Опросы и обратная связь")
