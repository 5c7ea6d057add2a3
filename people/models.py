"""Adults who appear on the site by name: teachers, tutors, consultants, experts, partners' staff.

Students never become a Person: they appear only by the display name an editor publishes with consent.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from api.images import ImageField
from blocks.text import RICH_TEXT_FEATURES
from residents.roles import PERSON_ROLES, Role, role_choices


class Person(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(
        _("имя и фамилия"), max_length=200, help_text=_("Имя и фамилия так, как их покажут на сайте.")
    )
    role = models.CharField(
        _("роль"),
        max_length=30,
        choices=role_choices(PERSON_ROLES),
        default=Role.TEACHER,
        help_text=_("Кем человек приходится коворкингу: педагог, тьютор, партнёр и т. п."),
    )
    position = models.CharField(
        _("должность"),
        max_length=255,
        blank=True,
        help_text=_("Должность и место работы, например «учитель информатики»."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("фотография"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Необязательно: портрет; публикуется только с согласия."),
    )
    bio = RichTextField(
        _("о себе"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("Несколько предложений о себе и своём опыте.")
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("учётная запись"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_("Связывает профиль с учётной записью резидента."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("position"), index.FilterField("role")]
    # The public fields are translated; the account stays with the Russian source (one profile per account).
    translatable_fields = [
        *(TranslatableField(name) for name in ["name", "position", "bio"]),
        *(SynchronizedField(name) for name in ["role", "photo"]),
    ]
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("position"),
        APIField("photo", serializer=ImageField()),
    ]

    class Meta:
        verbose_name = _("человек")
        verbose_name_plural = _("люди")
        ordering = ["name"]
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.name

    def copy_for_translation(self, locale, exclude_fields=None):
        return super().copy_for_translation(locale, exclude_fields=[*(exclude_fields or []), "user"])
