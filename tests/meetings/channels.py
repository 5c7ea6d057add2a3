"""Channels through which meeting rooms leave the server, for the access matrix (tests/access/channels.py).

The video link is not a channel of its own: it never leaves with a room, only with a confirmed booking
to its two people (tests/meetings/test_link_privacy.py).
"""

import itertools

from django.test import Client

from meetings.models import MeetingRoom, MeetingRoomsPage
from people.models import Person
from residents.audiences import Audience
from residents.roles import Role
from tests.access.channels import Channel
from tests.meetings.conftest import make_room, make_rooms_page

_names = itertools.count(1)


def _open_rooms_page(home) -> MeetingRoomsPage:
    """The rooms page, open to everyone, so that only the room's own audience decides what is shown."""
    existing = MeetingRoomsPage.objects.child_of(home).first()
    return existing.specific if existing else make_rooms_page(home, audience=Audience.EVERYONE)


def make_page(home, audience: str) -> MeetingRoomsPage:
    existing = MeetingRoomsPage.objects.child_of(home).first()
    if existing:
        existing.delete()
    return make_rooms_page(home, audience=audience)


def make_room_item(home, audience: str) -> MeetingRoom:
    _open_rooms_page(home)
    host, _ = Person.objects.get_or_create(name="Ведущий матрицы", defaults={"role": Role.TUTOR})
    return make_room(host=host, audience=audience, name=f"Комната матрицы №{next(_names)}")


def _rooms_page_of(room: MeetingRoom) -> MeetingRoomsPage:
    return MeetingRoomsPage.objects.live().first().specific


def page_html_sees(client: Client, page: MeetingRoomsPage) -> bool:
    response = client.get(page.url)
    return response.status_code == 200 and page.title in response.content.decode()


def rooms_list_html_sees(client: Client, room: MeetingRoom) -> bool:
    response = client.get(_rooms_page_of(room).url)
    return response.status_code == 200 and room.name in response.content.decode()


def room_html_sees(client: Client, room: MeetingRoom) -> bool:
    page = _rooms_page_of(room)
    response = client.get(page.url + page.reverse_subpage("room", args=[room.pk]))
    return response.status_code == 200 and room.name in response.content.decode()


def v3_rooms_list_sees(client: Client, room: MeetingRoom) -> bool:
    items = client.get("/api/v3/meetings/rooms/", {"limit": 100}).json()["items"]
    return room.pk in [item["id"] for item in items]


def v3_room_detail_sees(client: Client, room: MeetingRoom) -> bool:
    return client.get(f"/api/v3/meetings/rooms/{room.pk}/").status_code == 200


def v3_room_slots_sees(client: Client, room: MeetingRoom) -> bool:
    return client.get(f"/api/v3/meetings/rooms/{room.pk}/slots/").status_code == 200


def v2_pages_listing_sees(client: Client, page: MeetingRoomsPage) -> bool:
    response = client.get("/api/v2/pages/?type=meetings.MeetingRoomsPage")
    return response.status_code == 200 and page.pk in [item["id"] for item in response.json()["items"]]


CHANNELS = [
    Channel("meeting rooms page HTML", make_page, page_html_sees),
    Channel("meeting rooms list HTML", make_room_item, rooms_list_html_sees, item_kind="plain"),
    Channel("meeting room slot picker HTML", make_room_item, room_html_sees, item_kind="plain"),
    Channel("API v3 meeting rooms list", make_room_item, v3_rooms_list_sees, item_kind="plain"),
    Channel("API v3 meeting room detail", make_room_item, v3_room_detail_sees, item_kind="plain"),
    Channel("API v3 meeting room free slots", make_room_item, v3_room_slots_sees, item_kind="plain"),
    Channel("API v2 pages listing (meeting rooms page)", make_page, v2_pages_listing_sees),
]
