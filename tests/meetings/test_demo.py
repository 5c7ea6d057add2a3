"""The demo has the rooms page and three rooms with hosts and office hours, each with its English version, and
loads twice safely."""

import pytest

from meetings.demo.loader import load_demo
from meetings.models import MeetingRoom, MeetingRoomsPage
from residents.audiences import Audience


@pytest.mark.django_db
def test_the_demo_has_three_rooms_with_hosts_and_office_hours(home):
    page = MeetingRoomsPage.objects.child_of(home).live().get()
    assert page.audience == Audience.RESIDENTS
    rooms = MeetingRoom.objects.filter(locale__language_code="ru")
    assert rooms.count() == 3
    assert all(room.office_hours.exists() and room.host_id for room in rooms)
    english = MeetingRoom.objects.filter(locale__language_code="en")
    assert {room.translation_key for room in english} == {room.translation_key for room in rooms}
    assert {room.host_id for room in english} == {room.host_id for room in rooms}  # the Russian hosts
    load_demo(home=home, report=lambda line: None)
    assert MeetingRoom.objects.count() == 6
