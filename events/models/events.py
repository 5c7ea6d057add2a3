"""Events of the online platform: conferences, thematic and problem sessions, hackathons and the like.

An event is a snippet, moderated like a page: drafts, revisions, scheduled publishing, locking, preview
and a moderation workflow. Times are entered and shown in Moscow time (UTC+3 all year round).
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    PublishingPanel,
)
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from blocks.events import EventDescriptionStreamBlock, EventMaterialsStreamBlock
from residents.audiences import Audience, audience_field

EVENT_TIME_ZONE = ZoneInfo("Europe/Moscow")
# The years a calendar, a month filter or the generator accepts: any school year, and far enough from year 1
# and 9999 that a month's neighbours and a conversion to UTC stay within Python's dates.
CALENDAR_YEARS = range(1900, 3000)


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("конференция")
    THEMATIC_SESSION = "thematic_session", _("тематическая сессия")
    PROBLEM_SESSION = "problem_session", _("проблемная сессия")
    HACKATHON = "hackathon", _("хакатон")
    MASTER_CLASS = "master_class", _("мастер-класс")
    WEBINAR = "webinar", _("вебинар")
    FORUM = "forum", _("форум")
    EXHIBITION_OPENING = "exhibition_opening", _("открытие выставки")
    OTHER = "other", _("другое событие")


class Event(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    ClusterableModel,
):
    title = models.CharField(_("название"), max_length=255, help_text=_("Полное название события, как на афише."))
    kind = models.CharField(
        _("вид события"),
        max_length=30,
        choices=EventKind.choices,
        default=EventKind.OTHER,
        help_text=_("Конференция, сессия, хакатон или другое: по виду фильтруют календарь."),
    )
    event_format = models.ForeignKey(
        "events.EventFormat",
        verbose_name=_("формат"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Формат из генератора проектных событий, по которому проходит событие."),
    )
    start = models.DateTimeField(_("начало"), db_index=True, help_text=_("По московскому времени."))
    end = models.DateTimeField(_("окончание"), help_text=_("По московскому времени."))
    location = models.CharField(
        _("место"), max_length=255, blank=True, help_text=_("Аудитория лицея или адрес; пусто, если событие онлайн.")
    )
    online_url = models.URLField(
        _("ссылка на онлайн-комнату"),
        blank=True,
        help_text=_(
            "Видеоконференция (например, Яндекс Телемост). Видна только записавшимся, а если запись не нужна — "
            "тем, кому открыто событие; никогда не попадает в открытые страницы, календари и API."
        ),
    )
    audience = audience_field(Audience.EVERYONE)
    organiser = models.ForeignKey(
        "people.Person",
        verbose_name=_("организатор"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_events",
        help_text=_("Кто отвечает за событие; его имя и должность видны на странице события."),
    )
    summary = models.TextField(_("кратко"), blank=True, help_text=_("Одно-два предложения для списков и календарей."))
    description = StreamField(
        EventDescriptionStreamBlock(),
        verbose_name=_("описание"),
        blank=True,
        help_text=_("О чём событие, для кого и что получат участники."),
    )
    registration_required = models.BooleanField(
        _("нужна запись"), default=False, help_text=_("Отметьте, если участники должны записаться заранее.")
    )
    capacity = models.PositiveIntegerField(
        _("число мест"), null=True, blank=True, help_text=_("Пусто — без ограничения.")
    )
    materials = StreamField(
        EventMaterialsStreamBlock(),
        verbose_name=_("материалы"),
        blank=True,
        help_text=_("Документы, презентации и записи, опубликованные после события."),
    )
    seo_title = models.CharField(
        _("заголовок для поисковиков"), max_length=255, blank=True, help_text=_("Если пусто — название события.")
    )
    search_description = models.TextField(
        _("описание для поисковиков"),
        blank=True,
        help_text=_("Одно-два предложения для поисковиков и превью ссылок; если пусто — берётся начало описания."),
    )
    survey = models.ForeignKey(
        "surveys.SurveyPage",
        verbose_name=_("опрос после события"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_(
            "Записавшиеся участники получат ссылку по почте, когда событие закончится, и увидят её на странице события."
        ),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("предложил"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="proposed_events",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("event_format")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start"), FieldPanel("end")])], _("Когда (время московское)")),
        MultiFieldPanel([FieldPanel("location"), FieldPanel("online_url")], _("Где")),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("registration_required"), FieldPanel("capacity")], _("Запись")),
        InlinePanel("related_pages", label=_("Связанные решения и проекты")),
        FieldPanel("materials"),
        PageChooserPanel("survey", "surveys.SurveyPage"),
        MultiFieldPanel([FieldPanel("seo_title"), FieldPanel("search_description")], _("Для поисковиков")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title"),
        index.SearchField("summary"),
        index.FilterField("audience"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
    ]
    # The English version carries the texts only: dates, places, access and registrations stay with the Russian
    # source, which every list, link and registration points at (see pages.localized).
    translatable_fields = [
        *(TranslatableField(name) for name in ["title", "location", "summary", "description", "materials"]),
        *(TranslatableField(name) for name in ["seo_title", "search_description"]),
        *(SynchronizedField(name) for name in ["kind", "event_format", "start", "end", "online_url", "audience"]),
        *(SynchronizedField(name) for name in ["organiser", "registration_required", "capacity", "survey"]),
        SynchronizedField("related_pages"),
    ]

    class Meta:
        verbose_name = _("событие")
        verbose_name_plural = _("события")
        ordering = ["start", "pk"]
        unique_together = TranslatableMixin.Meta.unique_together
        indexes = [models.Index(fields=["live", "audience", "start"], name="events_live_audience_start")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Окончание должно быть позже начала.")})
        if self.capacity is not None and not self.registration_required:
            raise ValidationError({"capacity": _("Число мест ограничивает запись: включите «нужна запись».")})

    @property
    def local_start(self):
        return self.start.astimezone(EVENT_TIME_ZONE)

    @property
    def local_end(self):
        return self.end.astimezone(EVENT_TIME_ZONE)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def place_label(self) -> str:
        """The public place: the room or address, or "online" without the link itself."""
        if self.location:
            return self.location
        return str(_("Онлайн")) if self.online_url else ""

    def get_preview_template(self, request, mode_name):
        return "events/event_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update({"event": self, "title": self.seo_title or self.title, "preview": True})
        return context


class EventRelatedPage(Orderable):
    """A solution or project the event is about (any page until the solution bank narrows it)."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("страница"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Страница сайта, связанная с событием: программа, решение, выставка."),
    )

    panels = [PageChooserPanel("page", "bank.SolutionPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("связанное решение или проект")
        verbose_name_plural = _("связанные решения и проекты")
