"""What every page of the support system shares: whom it is for. Who may open it is the residents' rule,
checked for every page by `residents.wagtail_hooks.check_page_audience`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TargetGroup(models.TextChoices):
    """The subjects of support named by the seed ("субъекты сопровождения")."""

    TEACHERS = "teachers", _("педагоги и тьюторы")
    PARENTS = "parents", _("родители")
    STUDENTS = "students", _("обучающиеся")
    COMMUNITY = "community", _("образовательное сообщество")
