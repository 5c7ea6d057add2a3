"""The meeting rooms of the demo: the rooms page under the home page and the rooms with their hosts.

Texts and office hours are in rooms.yaml beside this module.
"""

from datetime import time

from meetings.models import MeetingRoom, MeetingRoomsPage, OfficeHours
from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.demo.snippet_translation import ensure_english_snippets
from pages.localized import sources
from pages.models import HomePage
from people.models import Person


def _office_hours(spec: dict) -> OfficeHours:
    return OfficeHours(
        weekday=spec["weekday"],
        start=time.fromisoformat(spec["start"]),
        end=time.fromisoformat(spec["end"]),
        slot_minutes=spec["slot_minutes"],
    )


def ensure_room(spec: dict, *, report: Report) -> None:
    if sources(MeetingRoom.objects.filter(name=spec["name"])).exists():
        return
    host, _ = sources(Person.objects.all()).get_or_create(name=spec["host"]["name"], defaults=spec["host"])
    room = MeetingRoom(name=spec["name"], purpose=spec["purpose"], host=host, video_link=spec["video_link"])
    room.office_hours = [_office_hours(hours) for hours in spec["office_hours"]]
    room.save()
    report(f"Переговорная комната «{room.name}» создана")


def load_demo(*, home: HomePage, report: Report) -> None:
    data = read_data("meetings.demo", "rooms.yaml")
    ensure_page(home, MeetingRoomsPage(**data["page"]), report=report)
    for spec in data["rooms"]:
        ensure_room(spec, report=report)
    hosts = sources(Person.objects.filter(name__in=[spec["host"]["name"] for spec in data["rooms"]]))
    rooms = sources(MeetingRoom.objects.filter(name__in=[spec["name"] for spec in data["rooms"]]))
    ensure_english_snippets([*hosts, *rooms], package="meetings.demo", report=report)
