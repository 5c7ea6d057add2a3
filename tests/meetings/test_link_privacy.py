"""The room's video link reaches only the two people of a confirmed booking, through any channel."""

import pytest

from meetings.services import booking_confirm, booking_create
from residents.audiences import Audience
from tests.meetings.conftest import VIDEO_LINK, free_slots, make_room

pytestmark = pytest.mark.django_db

KINDS = ["anonymous", "booker", "other student", "host", "staff", "superuser", "inactive booker"]


@pytest.fixture
def users(student, other_student, tutor_user, staff_user, django_user_model):
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "password")
    return {
        "anonymous": None,
        "booker": student,
        "other student": other_student,
        "host": tutor_user,
        "staff": staff_user,
        "superuser": superuser,
    }


def channels(page, room, booking) -> list[str]:
    return [
        page.url,
        page.url + page.reverse_subpage("room", args=[room.pk]),
        page.url + page.reverse_subpage("booking_ics", args=[booking.pk]),
        "/api/v3/meetings/rooms/",
        f"/api/v3/meetings/rooms/{room.pk}/",
        f"/api/v3/meetings/rooms/{room.pk}/slots/",
        "/api/v3/meetings/bookings/",
        "/api/v2/pages/?type=meetings.MeetingRoomsPage&fields=*",
        f"/api/v2/pages/{page.pk}/",
    ]


def leaking(client, page, room, booking) -> list[str]:
    return [url for url in channels(page, room, booking) if VIDEO_LINK in client.get(url).content.decode()]


@pytest.mark.parametrize("audience", [Audience.EVERYONE, Audience.RESIDENTS])
@pytest.mark.parametrize("confirmed", [False, True], ids=["requested", "confirmed"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_link_is_shown_only_to_the_people_of_a_confirmed_booking(
    client, rooms_page, tutor, users, student, tutor_user, kind, confirmed, audience
):
    room = make_room(host=tutor, name="Комната матрицы", audience=Audience.EVERYONE)
    booking = booking_create(room=room, resident=student, start=free_slots(room).start)
    if confirmed:
        booking_confirm(booking=booking, by=tutor_user)
    room.audience = audience
    room.save()
    if kind == "inactive booker":
        student.is_active = False
        student.save()
        client.force_login(student)
    elif users[kind] is not None:
        client.force_login(users[kind])

    leaks = leaking(client, rooms_page, room, booking)
    if confirmed and kind in {"booker", "host"}:
        assert rooms_page.url in leaks, "the people of the booking find the link on the rooms page"
        assert any("calendar" in url for url in leaks), "and in their calendar file"
        assert not any(url.startswith("/api/v2/") or "/rooms/" in url for url in leaks)
    else:
        assert leaks == []
