"""Builds the meeting rooms demo: the rooms page under the home page and three rooms with hosts."""

from collections.abc import Callable

from wagtail.models import Page

from meetings.demo.content import PAGE, ROOMS
from meetings.models import MeetingRoom, MeetingRoomsPage, OfficeHours
from people.models import Person


def load_meetings_demo(home: Page, *, report: Callable[[str], None]) -> None:
    """Safe to run again: what exists is left as it is."""
    if not home.get_children().type(MeetingRoomsPage).exists():
        page = MeetingRoomsPage(
            title=PAGE["title"], slug=PAGE["slug"], introduction=PAGE["introduction"], locale=home.locale
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        report(f"Страница «{page.title}» создана")
    for spec in ROOMS:
        if MeetingRoom.objects.filter(name=spec["name"]).exists():
            continue
        host, _ = Person.objects.get_or_create(name=spec["host"]["name"], defaults=spec["host"])
        room = MeetingRoom(name=spec["name"], purpose=spec["purpose"], host=host, video_link=spec["video_link"])
        room.office_hours = [
            OfficeHours(weekday=weekday, start=start, end=end, slot_minutes=minutes)
            for weekday, start, end, minutes in spec["office_hours"]
        ]
        room.save()
        report(f"Переговорная комната «{room.name}» создана")
