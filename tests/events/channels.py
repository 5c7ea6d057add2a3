"""The channels through which events leave the server, for the access matrix (see tests/access/channels.py).

`make_item(home, audience)` creates a live upcoming event with that audience, with the events page and a
landing "upcoming events" block in place under `home`; `sees(client, event)` says whether the client's
user gets the event through the channel. API v3 reads the caller from a token or the session: the list asks
with a bearer token of the client's user, as a frontend would send it, the detail with the session itself.
"""

import functools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from events.models import Event, EventIndexPage
from events.models.events import EventRelatedPage
from residents.audiences import Audience
from tests.access.channels import Channel
from tests.pages.channels import make_page


def _index(home) -> EventIndexPage:
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="События", slug="events"))
        index.save_revision().publish()
    return index


def _ensure_landing_block(home) -> None:
    home = home.specific
    if any(block.block_type == "upcoming_events" for block in home.body):
        return
    value = {"title": "Ближайшие события", "count": 12, "empty_text": "Скоро здесь появятся события."}
    home.body = [*home.body.raw_data, {"type": "upcoming_events", "value": value}]
    home.save_revision().publish()


def make_event_item(home, audience: str) -> Event:
    _index(home)
    _ensure_landing_block(home)
    start = timezone.now() + timedelta(days=2)
    return Event.objects.create(
        title=f"Событие для аудитории {audience} №{Event.objects.count() + 1}",
        start=start,
        end=start + timedelta(hours=2),
        audience=audience,
        live=True,
    )


def make_related_page(home, audience: str):
    """A page of the given audience that a public event names among its related pages (the item is the page)."""
    page = make_page(home, audience)
    event = make_event_item(home, Audience.EVERYONE)
    EventRelatedPage.objects.create(event=event, page=page, sort_order=0)
    page.event = event
    return page


def _related_in_html(client: Client, page) -> bool:
    return f">{page.title}</a>" in client.get(f"{_index_url(page.event)}{page.event.pk}/").content.decode()


def _related_in_api(client: Client, page) -> bool:
    response = client.get(f"/api/v3/events/{page.event.pk}/")
    return response.status_code == 200 and page.pk in {item["id"] for item in response.json()["related_pages"]}


def _index_url(event: Event) -> str:
    return EventIndexPage.objects.live().first().url


def _bearer(client: Client) -> dict:
    user_id = client.session.get("_auth_user_id")
    if not user_id:
        return {}
    _, token = APIToken.create_token(user=get_user_model().objects.get(pk=user_id), name="access matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _shows(client: Client, url: str, event: Event, **extra) -> bool:
    response = client.get(url, **extra)
    return response.status_code == 200 and event.title in response.content.decode()


def _calendar_url(event: Event) -> str:
    start = event.local_start
    return f"{_index_url(event)}calendar/{start.year}/{start.month}/"


# An event is a snippet with drafts: it has no Wagtail privacy, but a draft or an unpublished event is nobody's.
EventChannel = functools.partial(Channel, item_kind="snippet")

CHANNELS = [
    EventChannel("event page HTML", make_event_item, lambda c, e: _shows(c, f"{_index_url(e)}{e.pk}/", e)),
    EventChannel("event listing HTML", make_event_item, lambda c, e: _shows(c, _index_url(e), e)),
    EventChannel("event month calendar", make_event_item, lambda c, e: _shows(c, _calendar_url(e), e)),
    EventChannel("event iCalendar file", make_event_item, lambda c, e: _shows(c, f"{_index_url(e)}{e.pk}/ical/", e)),
    EventChannel("events iCalendar feed", make_event_item, lambda c, e: _shows(c, f"{_index_url(e)}feed/", e)),
    EventChannel(
        "API v3 events list",
        make_event_item,
        lambda c, e: any(item["id"] == e.pk for item in c.get("/api/v3/events/", **_bearer(c)).json()["items"]),
    ),
    EventChannel(
        "API v3 event detail",
        make_event_item,
        lambda c, e: c.get(f"/api/v3/events/{e.pk}/").status_code == 200,
    ),
    EventChannel("landing upcoming events", make_event_item, lambda c, e: _shows(c, "/", e)),
    Channel("event related pages HTML", make_related_page, _related_in_html),
    Channel("API v3 event related pages", make_related_page, _related_in_api),
]
