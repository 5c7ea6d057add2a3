"""Fixtures for the meeting rooms: a tutor who hosts a room, students (internal residents), a rooms page.

Rooms and the page are for residents, as the regulations say (п. 2.3): the students are registered by the
school as internal residents, the tutor as a teacher.
"""

import datetime

import pytest

from meetings.models import MeetingRoom, MeetingRoomsPage, OfficeHours
from meetings.selectors import room_free_slots
from people.models import Person
from residents.audiences import Audience
from residents.models import Membership, Tier
from residents.roles import Role

# Every day of the week, so that the tests do not depend on today's weekday.
EVERY_DAY_HOURS = [(weekday, datetime.time(10, 0), datetime.time(12, 0), 30) for weekday in range(7)]
VIDEO_LINK = "https://telemost.example.org/j/secret-room-4242"


def make_room(*, host: Person, audience: str = Audience.RESIDENTS, name: str = "Тьюторская", hours=None):
    room = MeetingRoom(name=name, purpose="Проекты", host=host, video_link=VIDEO_LINK, audience=audience)
    room.office_hours = [
        OfficeHours(weekday=w, start=s, end=e, slot_minutes=m) for w, s, e, m in (hours or EVERY_DAY_HOURS)
    ]
    room.save()
    return room


def make_rooms_page(parent, *, audience: str = Audience.RESIDENTS) -> MeetingRoomsPage:
    page = MeetingRoomsPage(title="Переговорные комнаты", slug="meeting-rooms", audience=audience)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def internal_resident(user, role: str = Role.STUDENT):
    Membership.objects.create(
        user=user, tier=Tier.INTERNAL, role=role, school_class="8А" if role == Role.STUDENT else ""
    )
    return user


def free_slots(room, index: int = 0):
    return [slot for day in room_free_slots(room=room) for slot in day.slots][index]


@pytest.fixture
def tutor_user(django_user_model):
    return internal_resident(
        django_user_model.objects.create_user("tutor", "tutor@example.org", "password"), Role.TUTOR
    )


@pytest.fixture
def tutor(tutor_user) -> Person:
    return Person.objects.create(name="Анна Крылова", role=Role.TUTOR, user=tutor_user)


@pytest.fixture
def student(django_user_model):
    return internal_resident(django_user_model.objects.create_user("student", "student@example.org", "password"))


@pytest.fixture
def other_student(django_user_model):
    return internal_resident(django_user_model.objects.create_user("other", "other@example.org", "password"))


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("staff", "staff@example.org", "password", is_staff=True)


@pytest.fixture
def room(db, tutor) -> MeetingRoom:
    return make_room(host=tutor)


@pytest.fixture
def rooms_page(empty_home) -> MeetingRoomsPage:
    return make_rooms_page(empty_home)


@pytest.fixture
def slot(room):
    return free_slots(room, 2)
