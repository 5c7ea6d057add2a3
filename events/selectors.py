"""Reads of the online platform. Every list and every single event goes through `residents.selectors`,
so an event is shown only to those its audience allows, in every channel."""

import calendar
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import Page

from events.models.events import EVENT_TIME_ZONE, Event
from events.models.formats import EventFormat
from events.models.registrations import Registration
from events.models.subscriptions import CalendarAddress
from pages.localized import localize, localizing, sources
from residents.audiences import Audience
from residents.selectors import User, audiences_visible, can_view, items_visible, pages_linked

LANDING_MAX_EVENTS = 12


@dataclass(frozen=True)
class EventFilters:
    kind: str = ""
    format_slug: str = ""
    audience: str = ""
    month: date | None = None


def month_bounds(month: date) -> tuple[datetime, datetime]:
    """The first moment of the month and of the next one, in Moscow time."""
    first = datetime.combine(month.replace(day=1), time.min, tzinfo=EVENT_TIME_ZONE)
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first, datetime.combine(following, time.min, tzinfo=EVENT_TIME_ZONE)


def event_list(*, user: User, filters: EventFilters | None = None) -> QuerySet[Event]:
    """Live events this user may see, with what a listing shows, filtered by kind, format, audience, month: the
    Russian events, in the reader's language once read (`pages.localized`)."""
    filters = filters or EventFilters()
    queryset = items_visible(Event.objects.all(), user=user).select_related("event_format", "organiser")
    queryset = localizing(queryset, related=("event_format", "organiser"))
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.format_slug:
        queryset = queryset.filter(event_format__slug=filters.format_slug)
    if filters.audience:
        queryset = queryset.filter(audience=filters.audience)
    if filters.month:
        first, following = month_bounds(filters.month)
        queryset = queryset.filter(start__lt=following, end__gte=first)
    return queryset.order_by("start", "pk")


def events_upcoming(*, user: User, filters: EventFilters | None = None, now: datetime | None = None):
    return event_list(user=user, filters=filters).filter(end__gte=now or timezone.now())


def events_past(*, user: User, filters: EventFilters | None = None, now: datetime | None = None):
    return event_list(user=user, filters=filters).filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def event_get(*, user: User, pk: int) -> Event | None:
    """One live event this user may see, or None (the caller answers 404 either way)."""
    return event_list(user=user).prefetch_related("related_pages__page").filter(pk=pk).first()


def event_related_pages(*, event: Event, user: User) -> list:
    """The solutions and projects the event is about that this user may see (a link to a page the user may not
    open would leak its title and address)."""
    return pages_linked([item.page for item in event.related_pages.all()], user=user)


def event_formats() -> QuerySet[EventFormat]:
    """The formats (one per format, not per language), in the reader's language once read."""
    return localizing(EventFormat.objects.prefetch_related("steps", "roles").order_by("name"))


def audience_choices(*, user: User) -> list[tuple[str, str]]:
    allowed = audiences_visible(user=user)
    return [(value, label) for value, label in Audience.choices if value in allowed]


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    is_today: bool
    events: list[Event]


def month_calendar(*, user: User, month: date, filters: EventFilters | None = None) -> list[list[CalendarDay]]:
    """Weeks (Monday first) of the month, each day with the events that touch it in Moscow time; the days
    of the neighbouring months that fill the first and last weeks show their events too."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first = datetime.combine(weeks[0][0], time.min, tzinfo=EVENT_TIME_ZONE)
    following = datetime.combine(weeks[-1][-1] + timedelta(days=1), time.min, tzinfo=EVENT_TIME_ZONE)
    events = list(event_list(user=user, filters=filters).filter(start__lt=following, end__gte=first))
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    return [
        [
            CalendarDay(
                day=day,
                in_month=day.month == month.month,
                is_today=day == today,
                events=[event for event in events if event.local_start.date() <= day <= event.local_end.date()],
            )
            for day in week
        ]
        for week in weeks
    ]


def event_index_page() -> Page | None:
    """The live page that lists events; its URL is the prefix of every event's own URL."""
    return (
        Page.objects.live()
        .filter(content_type__app_label="events", content_type__model="eventindexpage")
        .order_by("path")
        .first()
    )


def event_url(index_url: str, event: Event) -> str:
    return f"{index_url}{event.pk}/"


def event_index_full_url(*, request) -> str | None:
    """The absolute address of the events page, the prefix of every event's address in the API.

    Looked up once per request, so a list of events costs the same queries whatever its length."""
    if not hasattr(request, "_event_index_full_url"):
        index = event_index_page()
        request._event_index_full_url = index.get_full_url(request) if index else None
    return request._event_index_full_url


@dataclass(frozen=True)
class RegistrationState:
    registered: bool
    taken: int
    places_left: int | None
    started: bool
    may_register: bool


def registration_state(*, event: Event, user: User, now: datetime | None = None) -> RegistrationState:
    taken = event.registrations.count()
    registered = bool(user and user.is_authenticated and event.registrations.filter(user=user).exists())
    places_left = None if event.capacity is None else max(event.capacity - taken, 0)
    started = event.start <= (now or timezone.now())
    may_register = registration_allowed(event=event, user=user)
    return RegistrationState(registered, taken, places_left, started, may_register)


def registration_allowed(*, event: Event, user: User) -> bool:
    """Who may sign up: a signed-in user to whom the event is open (memberships live in `can_view`)."""
    return bool(user and user.is_authenticated and event.registration_required and can_view(event, user=user))


def online_link_visible(*, event: Event, user: User) -> bool:
    """The video-conference room goes only to those registered, or, when no registration is needed, to
    signed-in users the event is open to; anonymous visitors, feeds and the API never get it."""
    if not event.online_url or not (user and user.is_authenticated) or not can_view(event, user=user):
        return False
    if event.registration_required:
        return event.registrations.filter(user=user).exists()
    return True


def events_landing(*, request, count: int) -> list[tuple[Event, str]]:
    """The next events the visitor may see, with their URLs, for the landing's "upcoming events" blocks.

    Computed once per request however many such blocks the landing has, so the landing costs the same
    number of queries whatever its content."""
    cache = getattr(request, "_landing_events", None) if request is not None else None
    if cache is None:
        user = getattr(request, "user", None)
        index = event_index_page()
        index_url = index.get_url(request) if index else None
        events = list(events_upcoming(user=user)[:LANDING_MAX_EVENTS]) if index_url else []
        cache = [(event, event_url(index_url, event)) for event in events]
        if request is not None:
            request._landing_events = cache
    return cache[:count]


def format_choices() -> list[tuple[str, str]]:
    """(slug, name) of the formats, by name in the reader's language."""
    formats = localize(list(sources(EventFormat.objects.only("slug", "name", "translation_key"))))
    return sorted(((item.slug, item.name) for item in formats), key=lambda choice: choice[1])


def calendar_key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def calendar_address_of(*, user: User) -> CalendarAddress | None:
    return CalendarAddress.objects.filter(user=user).first() if user.is_authenticated else None


def calendar_address_holder(*, key: str) -> User | None:
    """The active user whose personal calendar address carries this key, or None."""
    address = CalendarAddress.objects.select_related("user").filter(key_hash=calendar_key_hash(key)).first()
    return address.user if address and address.user.is_active else None


def event_ids_registered(*, user: User) -> set[int]:
    return set(Registration.objects.filter(user=user).values_list("event_id", flat=True))
