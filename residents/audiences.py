"""The four audiences of the regulations (section 2 of "Положение"): who may see a page or a snippet.

Every page and every visitor-facing snippet carries one audience. `audiences_visible` answers which
audiences a user may see; every channel (HTML, API, search, feeds, files) asks it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("все посетители")
    RESIDENTS = "residents", _("резиденты (внутренние и внешние)")
    INTERNAL = "internal", _("внутренние резиденты")
    STAFF = "staff", _("сотрудники")


def audience_field(default: str = Audience.EVERYONE) -> models.CharField:
    return models.CharField(
        _("кому открыто"),
        max_length=20,
        choices=Audience.choices,
        default=default,
        db_index=True,
        help_text=_("Совет коворкинга может открыть ресурс для всех (п. 2.6 Положения)."),
    )


class AudienceMixin(models.Model):
    """Adds the audience field; a model whose content is not for everyone redeclares it:
    `audience = audience_field(Audience.INTERNAL)`."""

    audience = audience_field()

    class Meta:
        abstract = True
