"""iCalendar (RFC 5545) files: one event, the feed of the events a visitor may see, a generated programme.

Times carry TZID=Europe/Moscow with its VTIMEZONE. The link of an online room never goes into a file:
calendars are forwarded and synchronised to places the audience rule cannot follow.
"""

from collections.abc import Collection, Iterable
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.generator import Programme
from events.models.events import EVENT_TIME_ZONE, Event

PRODID = "-//Цифровое коворкинговое пространство//События//RU"
# The category that marks, in a personal calendar, the events its owner signed up for.
REGISTERED_CATEGORY = gettext_lazy("Вы записаны")


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(EVENT_TIME_ZONE))
    return calendar


def _component(*, uid: str, title: str, start: datetime, end: datetime, description: str, location: str, url: str):
    component = CalendarEvent()
    component.add("uid", uid)
    component.add("dtstamp", timezone.now())
    component.add("dtstart", start.astimezone(EVENT_TIME_ZONE))
    component.add("dtend", end.astimezone(EVENT_TIME_ZONE))
    component.add("summary", title)
    if description:
        component.add("description", description)
    if location:
        component.add("location", location)
    if url:
        component.add("url", url)
    return component


def _finish(calendar: Calendar) -> bytes:
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_component(event: Event, *, url: str, host: str, registered: bool = False):
    note = _("Вы записаны на это событие.") if registered else ""
    description = "\n\n".join(part for part in [note, event.summary, url] if part)
    component = _component(
        uid=f"event-{event.pk}@{host}",
        title=event.title,
        start=event.start,
        end=event.end,
        description=description,
        location=event.place_label,
        url=url,
    )
    categories = [str(event.get_kind_display())]
    if registered:
        categories.append(str(REGISTERED_CATEGORY))
        component.add("status", "CONFIRMED")
    component.add("categories", categories)
    return component


def events_calendar(
    events: Iterable[tuple[Event, str]], *, name: str, host: str, registered: Collection[int] = ()
) -> bytes:
    """A calendar of events with their addresses; the events whose ids are in `registered` are marked as
    the reader's own (a category, CONFIRMED, a line in the description)."""
    calendar = _calendar(name)
    for event, url in events:
        calendar.add_component(event_component(event, url=url, host=host, registered=event.pk in registered))
    return _finish(calendar)


def programme_calendar(programme: Programme, *, host: str, url: str) -> bytes:
    calendar = _calendar(programme.title)
    description = "\n\n".join([programme.announcement(), programme.agenda_text()])
    uid = f"programme-{programme.event_format.slug}-{programme.start:%Y%m%dT%H%M}-{programme.duration}@{host}"
    calendar.add_component(
        _component(
            uid=uid,
            title=programme.title,
            start=programme.start,
            end=programme.end,
            description=description,
            location="",
            url=url,
        )
    )
    return _finish(calendar)


def _utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(event: Event, *, url: str) -> str:
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_utc_stamp(event.start)}/{_utc_stamp(event.end)}",
        "details": "\n\n".join(part for part in [event.summary, url] if part),
        "location": event.place_label,
        "ctz": str(EVENT_TIME_ZONE),
    }
    return f"https://calendar.google.com/calendar/render?{urlencode(query)}"


def outlook_calendar_url(event: Event, *, url: str) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": event.start.astimezone(UTC).isoformat(),
        "enddt": event.end.astimezone(UTC).isoformat(),
        "body": "\n\n".join(part for part in [event.summary, url] if part),
        "location": event.place_label,
    }
    return f"https://outlook.live.com/calendar/0/deeplink/compose?{urlencode(query)}"
