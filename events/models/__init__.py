"""Models of the online platform: event formats, events, registrations and the pages that show them."""

from events.models.events import EVENT_TIME_ZONE, Event, EventKind, EventRelatedPage
from events.models.formats import EventFormat, EventFormatRole, EventFormatStep
from events.models.pages import EventGeneratorPage, EventIndexPage
from events.models.registrations import Registration
from events.models.subscriptions import CalendarAddress

__all__ = [
    "EVENT_TIME_ZONE",
    "CalendarAddress",
    "Event",
    "EventFormat",
    "EventFormatRole",
    "EventFormatStep",
    "EventGeneratorPage",
    "EventIndexPage",
    "EventKind",
    "EventRelatedPage",
    "Registration",
]
