"""API v3 routes of the online platform: events (with the calendar's filters), event formats and the
project event generator. Every event passes the audience rule of `residents.selectors` for the token's
user (anonymous without a token); the link of an online room is never part of an answer."""

from datetime import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from events.forms import GeneratorForm
from events.generator import MAX_DURATION, MAX_PARTICIPANTS, MIN_DURATION, Programme, programme_build
from events.models.events import EVENT_TIME_ZONE, Event, EventKind
from events.selectors import (
    EventFilters,
    event_formats,
    event_get,
    event_index_page,
    event_list,
    past_events,
    upcoming_events,
)
from residents.audiences import Audience

router = Router(tags=["events"])
PUBLIC = [BearerTokenAuth(), AllowAnonymous()]


def _index_url(request) -> str | None:
    """The events page's address, looked up once per request."""
    if not hasattr(request, "_events_index_url"):
        index = event_index_page()
        request._events_index_url = index.get_full_url(request) if index else None
    return request._events_index_url


class FormatRefSchema(Schema):
    slug: str
    name: str


class EventSchema(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    format: FormatRefSchema | None
    start: datetime
    end: datetime
    place: str
    is_online: bool
    audience: str
    summary: str
    registration_required: bool
    capacity: int | None
    url: str | None

    @staticmethod
    def resolve_kind_label(event: Event) -> str:
        return str(event.get_kind_display())

    @staticmethod
    def resolve_format(event: Event):
        return {"slug": event.event_format.slug, "name": event.event_format.name} if event.event_format else None

    @staticmethod
    def resolve_start(event: Event):
        return event.local_start

    @staticmethod
    def resolve_end(event: Event):
        return event.local_end

    @staticmethod
    def resolve_place(event: Event) -> str:
        return event.place_label

    @staticmethod
    def resolve_url(event: Event, context) -> str | None:
        index_url = _index_url(context["request"])
        return f"{index_url}{event.pk}/" if index_url else None


class EventDetailSchema(EventSchema):
    organiser: str | None
    description: list
    materials: list
    related_pages: list[dict]

    @staticmethod
    def resolve_organiser(event: Event) -> str | None:
        return event.organiser.name if event.organiser else None

    @staticmethod
    def resolve_description(event: Event, context) -> list:
        return event.description.stream_block.get_api_representation(event.description, context)

    @staticmethod
    def resolve_materials(event: Event, context) -> list:
        return event.materials.stream_block.get_api_representation(event.materials, context)

    @staticmethod
    def resolve_related_pages(event: Event, context) -> list[dict]:
        request = context["request"]
        return [
            {"id": item.page.pk, "title": item.page.title, "url": item.page.get_full_url(request)}
            for item in event.related_pages.all()
            if item.page.live
        ]


class StepSchema(Schema):
    title: str
    weight: int
    notes: str


class RoleSchema(Schema):
    title: str
    duty: str


class EventFormatSchema(Schema):
    slug: str
    name: str
    description: str
    typical_duration: int
    min_participants: int
    max_participants: int
    group_size: int | None
    steps: list[StepSchema]
    roles: list[RoleSchema]
    checklist: list[str]


class EventListFilters(Schema):
    kind: EventKind | None = None
    format: str | None = Field(None, description="slug of an event format")
    audience: Audience | None = None
    month: str | None = Field(None, pattern=r"^\d{4}-\d{2}$", description="YYYY-MM, Moscow time")
    when: str | None = Field(None, pattern="^(upcoming|past)$")


class GeneratorIn(Schema):
    format: str = Field(..., description="slug of an event format")
    topic: str = Field(..., min_length=1, max_length=200)
    start: datetime = Field(..., description="local Moscow time when no offset is given")
    duration: int = Field(..., ge=MIN_DURATION, le=MAX_DURATION, description="minutes")
    participants: int = Field(..., ge=1, le=MAX_PARTICIPANTS)


class AgendaItemSchema(Schema):
    start: datetime
    end: datetime
    minutes: int
    title: str
    notes: str


class ProgrammeSchema(Schema):
    title: str
    format: FormatRefSchema
    topic: str
    start: datetime
    end: datetime
    duration: int
    participants: int
    teams: int | None
    agenda: list[AgendaItemSchema]
    roles: list[RoleSchema]
    checklist: list[str]
    announcement: str


def _format_data(event_format) -> dict:
    return {
        "slug": event_format.slug,
        "name": event_format.name,
        "description": event_format.description,
        "typical_duration": event_format.typical_duration,
        "min_participants": event_format.min_participants,
        "max_participants": event_format.max_participants,
        "group_size": event_format.group_size,
        "steps": [{"title": s.title, "weight": s.weight, "notes": s.notes} for s in event_format.steps.all()],
        "roles": [{"title": r.title, "duty": r.duty} for r in event_format.roles.all()],
        "checklist": event_format.checklist_items(),
    }


@router.get("/events/", response=list[EventSchema], auth=PUBLIC, operation_id="events_list", summary="List events")
@paginate(WagtailLimitOffsetPagination)
def list_events(request: HttpRequest, filters: EventListFilters = Query(...)):  # noqa: B008
    month = datetime.strptime(filters.month, "%Y-%m").date() if filters.month else None
    selected = EventFilters(filters.kind or "", filters.format or "", filters.audience or "", month)
    select = {"upcoming": upcoming_events, "past": past_events}.get(filters.when or "", event_list)
    return select(user=request.user, filters=selected)


@router.get("/events/{event_id}/", response=EventDetailSchema, auth=PUBLIC, operation_id="events_detail")
def event_detail(request: HttpRequest, event_id: int):
    event = event_get(user=request.user, pk=event_id)
    if event is None:
        raise HttpError(404, "Событие не найдено.")
    return event


@router.get("/event-formats/", response=list[EventFormatSchema], auth=PUBLIC, operation_id="event_formats_list")
def list_formats(request: HttpRequest):
    return [_format_data(event_format) for event_format in event_formats()]


@router.get("/event-formats/{slug}/", response=EventFormatSchema, auth=PUBLIC, operation_id="event_formats_detail")
def format_detail(request: HttpRequest, slug: str):
    return _format_data(get_object_or_404(event_formats(), slug=slug))


def _programme_data(programme: Programme) -> dict:
    return {
        "title": programme.title,
        "format": {"slug": programme.event_format.slug, "name": programme.event_format.name},
        "topic": programme.topic,
        "start": programme.start,
        "end": programme.end,
        "duration": programme.duration,
        "participants": programme.participants,
        "teams": programme.teams,
        "agenda": [item.__dict__ for item in programme.agenda],
        "roles": [{"title": title, "duty": duty} for title, duty in programme.roles],
        "checklist": programme.checklist,
        "announcement": programme.announcement(),
    }


@router.post("/event-generator/", response=ProgrammeSchema, auth=PUBLIC, operation_id="event_generator")
def generate(request: HttpRequest, choices: GeneratorIn):
    """A programme for the chosen format, topic, start, duration and number of participants (anyone may ask)."""
    start = choices.start if choices.start.tzinfo else choices.start.replace(tzinfo=EVENT_TIME_ZONE)
    start = start.astimezone(EVENT_TIME_ZONE)
    form = GeneratorForm(
        {
            "event_format": choices.format,
            "topic": choices.topic,
            "date": start.date(),
            "time": start.time(),
            "duration": choices.duration,
            "participants": choices.participants,
        }
    )
    if not form.is_valid():
        raise HttpError(400, " ".join(str(error) for errors in form.errors.values() for error in errors))
    data = form.cleaned_data
    programme = programme_build(
        event_format=data["event_format"],
        topic=data["topic"],
        start=start,
        duration=data["duration"],
        participants=data["participants"],
    )
    return _programme_data(programme)


__all__ = ["router"]
