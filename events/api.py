"""API v3 routes of the online platform: events (with the calendar's filters), event formats and the
project event generator.

Every event passes the audience rule of `residents.selectors` for the caller (`api.auth`: token, else
session, else anonymous); the link of an online room is never part of an answer. Lists follow the API's
pagination contract, errors its one format.
"""

from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator

from api.errors import APIError
from api.pagination import LimitOffset
from api.validation import Id
from events.forms import generator_programme, year_out_of_range
from events.generator import MAX_DURATION, MAX_PARTICIPANTS, MIN_DURATION, Programme
from events.models.events import CALENDAR_YEARS, Event, EventKind
from events.selectors import (
    EventFilters,
    event_formats,
    event_get,
    event_index_full_url,
    event_list,
    event_related_pages,
    event_url,
    events_past,
    events_upcoming,
)
from residents.audiences import Audience

router = Router(tags=["events"])
MONTH_FORMAT = "%Y-%m"


class EventFormatRefSchema(Schema):
    slug: str
    name: str


class EventSchema(Schema):
    id: int
    title: str
    kind: EventKind
    kind_label: str
    format: EventFormatRefSchema | None
    start: datetime
    end: datetime
    place: str = Field(description="The room or address, or «Онлайн»; never the online room's link")
    is_online: bool
    audience: Audience
    summary: str
    registration_required: bool
    capacity: int | None
    url: str | None = Field(description="The event's page on the site; null while the site has no events page")

    @staticmethod
    def resolve_kind_label(event: Event) -> str:
        return str(event.get_kind_display())

    @staticmethod
    def resolve_format(event: Event):
        return event.event_format

    @staticmethod
    def resolve_place(event: Event) -> str:
        return event.place_label

    @staticmethod
    def resolve_url(event: Event, context) -> str | None:
        index_url = event_index_full_url(request=context["request"])
        return event_url(index_url, event) if index_url else None


class EventLinkedPageSchema(Schema):
    id: int
    title: str
    url: str

    @staticmethod
    def resolve_url(page, context) -> str:
        return page.get_full_url(context["request"])


class EventDetailSchema(EventSchema):
    organiser: str | None
    description: list[dict]
    materials: list[dict]
    related_pages: list[EventLinkedPageSchema]

    @staticmethod
    def resolve_organiser(event: Event) -> str | None:
        return event.organiser.name if event.organiser else None

    @staticmethod
    def resolve_description(event: Event, context) -> list[dict]:
        return event.description.stream_block.get_api_representation(event.description, context)

    @staticmethod
    def resolve_materials(event: Event, context) -> list[dict]:
        return event.materials.stream_block.get_api_representation(event.materials, context)

    @staticmethod
    def resolve_related_pages(event: Event, context) -> list:
        return event_related_pages(event=event, user=context["request"].user)


class EventAgendaStepSchema(Schema):
    title: str
    weight: int = Field(description="Relative length: only the proportions between the steps matter")
    notes: str


class EventRoleSchema(Schema):
    title: str
    duty: str


class EventFormatSchema(Schema):
    slug: str
    name: str
    description: str
    typical_duration: int = Field(description="Minutes")
    min_participants: int
    max_participants: int
    group_size: int | None
    steps: list[EventAgendaStepSchema]
    roles: list[EventRoleSchema]
    checklist: list[str]

    @staticmethod
    def resolve_checklist(event_format) -> list[str]:
        return event_format.checklist_items()


class EventListParams(Schema):
    kind: EventKind | None = None
    format: str | None = Field(None, max_length=100, description="Slug of an event format")
    audience: Audience | None = None
    month: str | None = Field(None, pattern=r"^\d{4}-\d{2}$", description="YYYY-MM, Moscow time")
    when: Literal["upcoming", "past"] | None = Field(None, description="Not yet ended, or ended; newest first")

    @field_validator("month")
    @classmethod
    def _a_real_month(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                datetime.strptime(value, MONTH_FORMAT)
            except ValueError as error:
                raise ValueError(_("Нет такого месяца: укажите ГГГГ-ММ, например 2026-03.")) from error
            if int(value[:4]) not in CALENDAR_YEARS:
                raise ValueError(year_out_of_range())
        return value

    def selection(self) -> EventFilters:
        month = datetime.strptime(self.month, MONTH_FORMAT).date() if self.month else None
        return EventFilters(self.kind or "", self.format or "", self.audience or "", month)


class EventGeneratorChoicesSchema(Schema):
    format: str = Field(description="Slug of an event format")
    topic: str = Field(min_length=1, max_length=200)
    start: datetime = Field(description="Moscow time when no offset is given")
    duration: int = Field(ge=MIN_DURATION, le=MAX_DURATION, description="Minutes")
    participants: int = Field(ge=1, le=MAX_PARTICIPANTS)


class EventAgendaItemSchema(Schema):
    start: datetime
    end: datetime
    minutes: int
    title: str
    notes: str


class EventProgrammeSchema(Schema):
    title: str
    format: EventFormatRefSchema
    topic: str
    start: datetime
    end: datetime
    duration: int = Field(description="Minutes")
    participants: int
    teams: int | None
    agenda: list[EventAgendaItemSchema]
    roles: list[EventRoleSchema]
    checklist: list[str]
    announcement: str

    @staticmethod
    def resolve_format(programme: Programme):
        return programme.event_format


@router.get(
    "/events/", response=list[EventSchema], url_name="events_list", operation_id="events_list", summary="List events"
)
@paginate(LimitOffset)
def list_events(request: HttpRequest, filters: Query[EventListParams]):
    """Events the caller may see, earliest first (`when=past`: latest first)."""
    select = {"upcoming": events_upcoming, "past": events_past}.get(filters.when or "", event_list)
    return select(user=request.user, filters=filters.selection())


@router.get(
    "/events/{event_id}/",
    response=EventDetailSchema,
    url_name="events_detail",
    operation_id="events_detail",
    summary="Event",
)
def event_detail(request: HttpRequest, event_id: Id):
    event = event_get(user=request.user, pk=event_id)
    if event is None:
        raise APIError(404, _("Событие не найдено."), code="event_not_found")
    return event


@router.get(
    "/event-formats/",
    response=list[EventFormatSchema],
    url_name="event_formats_list",
    operation_id="event_formats_list",
    summary="List event formats",
)
@paginate(LimitOffset)
def list_formats(request: HttpRequest):
    """The formats the generator builds programmes from, by name."""
    return event_formats()


@router.get(
    "/event-formats/{slug}/",
    response=EventFormatSchema,
    url_name="event_formats_detail",
    operation_id="event_formats_detail",
    summary="Event format",
)
def format_detail(request: HttpRequest, slug: str):
    return get_object_or_404(event_formats(), slug=slug)


@router.post(
    "/event-generator/",
    response=EventProgrammeSchema,
    url_name="event_generator",
    operation_id="event_generator",
    summary="Generate a programme",
)
def generate(request: HttpRequest, choices: EventGeneratorChoicesSchema):
    """A programme for the chosen format, topic, start, duration and number of participants (anyone may ask);
    choices the generator page would refuse get 422 with its messages, per field."""
    return generator_programme(
        format_slug=choices.format,
        topic=choices.topic,
        start=choices.start,
        duration=choices.duration,
        participants=choices.participants,
    )
