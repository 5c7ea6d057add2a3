"""Meeting rooms ("переговорные комнаты"): where students meet teachers, tutors and consultants.

A room belongs to a host (a `people.Person`) who receives in weekly office hours cut into slots.
A resident books a slot; the host confirms or declines. The room's video-conference link is a secret
shared only with the people of a confirmed booking.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from residents.audiences import Audience, AudienceMixin, audience_field


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("понедельник")
    TUESDAY = 1, _("вторник")
    WEDNESDAY = 2, _("среда")
    THURSDAY = 3, _("четверг")
    FRIDAY = 4, _("пятница")
    SATURDAY = 5, _("суббота")
    SUNDAY = 6, _("воскресенье")


class MeetingRoom(TranslatableMixin, AudienceMixin, index.Indexed, ClusterableModel):
    """A host's virtual room; open to residents by default (section 2 of the regulations).

    Its name and purpose are translated; everything else (host, link, audience, office hours) stays the
    Russian source's: bookings, slots and links always use the Russian row (see `pages.localized`)."""

    name = models.CharField(
        _("название"), max_length=200, help_text=_("Название комнаты, которое видят резиденты при записи.")
    )
    purpose = models.TextField(_("для чего"), help_text=_("С какими вопросами приходить в эту комнату."))
    host = models.ForeignKey(
        "people.Person",
        verbose_name=_("ведущий"),
        on_delete=models.PROTECT,
        related_name="meeting_rooms",
        help_text=_("Педагог, тьютор или консультант, который ведёт приём и подтверждает записи."),
    )
    video_link = models.URLField(
        _("ссылка на видеовстречу"),
        help_text=_("Видна только участникам подтверждённой записи, никогда не публикуется."),
    )
    audience = audience_field(Audience.RESIDENTS)

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldPanel("host"),
        FieldPanel("video_link"),
        FieldPanel("audience"),
        InlinePanel("office_hours", heading=_("приёмные часы"), label=_("приёмные часы"), min_num=1),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("purpose"), index.FilterField("audience")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("purpose"),
        *(SynchronizedField(name) for name in ["host", "video_link", "audience", "office_hours"]),
    ]

    class Meta:
        verbose_name = _("переговорная комната")
        verbose_name_plural = _("переговорные комнаты")
        ordering = ["name"]
        unique_together = TranslatableMixin.Meta.unique_together

    def __str__(self):
        return self.name


class OfficeHours(Orderable):
    """A weekly period of the host's time, in the school's time zone (Europe/Moscow), cut into slots."""

    room = ParentalKey(MeetingRoom, on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField(
        _("день недели"), choices=Weekday.choices, help_text=_("День недели, когда комнату можно забронировать.")
    )
    start = models.TimeField(_("начало"), help_text=_("С какого времени (по Москве) начинаются слоты."))
    end = models.TimeField(_("конец"), help_text=_("До какого времени (по Москве) идут слоты."))
    slot_minutes = models.PositiveSmallIntegerField(
        _("длина слота, минут"),
        default=30,
        validators=[MinValueValidator(10), MaxValueValidator(240)],
        help_text=_("Длина одного слота бронирования в минутах."),
    )

    panels = [FieldPanel("weekday"), FieldPanel("start"), FieldPanel("end"), FieldPanel("slot_minutes")]

    class Meta(Orderable.Meta):
        verbose_name = _("приёмные часы")
        verbose_name_plural = _("приёмные часы")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start:%H:%M}–{self.end:%H:%M}"

    def clean(self):
        if self.start is None or self.end is None or self.slot_minutes is None:
            return
        if self.end <= self.start:
            raise ValidationError({"end": _("Конец приёма должен быть позже начала.")})
        if self.length < datetime.timedelta(minutes=self.slot_minutes):
            raise ValidationError({"slot_minutes": _("В приёмные часы должен помещаться хотя бы один слот.")})

    @property
    def length(self) -> datetime.timedelta:
        day = datetime.date.min
        return datetime.datetime.combine(day, self.end) - datetime.datetime.combine(day, self.start)

    @property
    def slot(self) -> datetime.timedelta:
        return datetime.timedelta(minutes=self.slot_minutes)


class BookingStatus(models.TextChoices):
    REQUESTED = "requested", _("ждёт подтверждения")
    CONFIRMED = "confirmed", _("подтверждена")
    DECLINED = "declined", _("отклонена")
    CANCELLED = "cancelled", _("отменена")


# A requested or confirmed booking holds its slot; a declined or cancelled one frees it.
ACTIVE_STATUSES = (BookingStatus.REQUESTED, BookingStatus.CONFIRMED)


class Booking(models.Model):
    """A resident's request for one slot of a room. Written only through `meetings.services`."""

    room = models.ForeignKey(MeetingRoom, verbose_name=_("комната"), on_delete=models.PROTECT, related_name="bookings")
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("резидент"),
        on_delete=models.CASCADE,
        related_name="meeting_bookings",
    )
    start = models.DateTimeField(_("начало"))
    end = models.DateTimeField(_("конец"))
    status = models.CharField(
        _("статус"), max_length=20, choices=BookingStatus.choices, default=BookingStatus.REQUESTED, db_index=True
    )
    topic = models.CharField(_("тема встречи"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("создана"), auto_now_add=True)
    decided_at = models.DateTimeField(_("решение принято"), null=True, blank=True)

    class Meta:
        verbose_name = _("запись на встречу")
        verbose_name_plural = _("записи на встречи")
        ordering = ["start"]
        constraints = [
            # The last line of defence against a double booking, whatever the code above it does.
            models.UniqueConstraint(
                fields=["room", "start"],
                condition=Q(status__in=["requested", "confirmed"]),
                name="meetings_booking_one_active_per_slot",
            ),
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="meetings_booking_ends_after_start"),
        ]
        indexes = [models.Index(fields=["room", "start"], name="meetings_booking_room_start")]

    def __str__(self):
        return f"{self.room} — {self.start:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES
