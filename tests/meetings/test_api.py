"""API v3 `meetings`: rooms for those who may see them, and the caller's own bookings."""

import json
from pathlib import Path

import pytest
from django.test import Client

from meetings.models import Booking, BookingStatus
from meetings.services import booking_confirm, booking_create
from residents.audiences import Audience
from tests.meetings.conftest import VIDEO_LINK, make_room

pytestmark = pytest.mark.django_db
API = "/api/v3/meetings"


def post(client, url, payload=None):
    return client.post(url, data=json.dumps(payload or {}), content_type="application/json")


def test_the_rooms_list_shows_hosts_and_office_hours_but_never_the_link(client, room, student):
    client.force_login(student)
    response = client.get(f"{API}/rooms/")
    assert response.status_code == 200
    [item] = response.json()
    assert item["name"] == room.name and item["host"]["name"] == "Анна Крылова"
    assert len(item["office_hours"]) == 7
    assert VIDEO_LINK not in response.content.decode()


def test_rooms_for_residents_are_hidden_from_those_who_may_not_see_them(client, tutor, django_user_model):
    room = make_room(host=tutor, audience=Audience.RESIDENTS)
    non_resident = django_user_model.objects.create_user("guest", "guest@example.org", "password")
    for user in (None, non_resident):
        if user:
            client.force_login(user)
        assert client.get(f"{API}/rooms/").json() == []
        assert client.get(f"{API}/rooms/{room.pk}/").status_code == 404
        assert client.get(f"{API}/rooms/{room.pk}/slots/").status_code == 404
    client.force_login(django_user_model.objects.create_user("staff", "staff@example.org", "password", is_staff=True))
    assert [item["id"] for item in client.get(f"{API}/rooms/").json()] == [room.pk]


def test_free_slots_leave_out_taken_ones(client, room, student, slot):
    client.force_login(student)
    starts = [item["start"] for item in client.get(f"{API}/rooms/{room.pk}/slots/").json()]
    assert len(starts) >= 13 * 3
    booking_create(room=room, resident=student, start=slot.start)
    after = client.get(f"{API}/rooms/{room.pk}/slots/").json()
    assert len(after) == len(starts) - 1


def test_a_signed_in_user_books_lists_and_cancels(client, room, student, slot):
    assert client.get(f"{API}/bookings/").status_code == 401
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat(), "topic": "Тема"})
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "requested" and created["video_link"] is None
    assert [item["id"] for item in client.get(f"{API}/bookings/").json()] == [created["id"]]
    response = post(client, f"{API}/bookings/{created['id']}/cancel/")
    assert response.json()["status"] == "cancelled"


def test_a_bad_request_gets_a_problem_with_the_message_and_changes_nothing(client, room, student, other_student, slot):
    booking_create(room=room, resident=other_student, start=slot.start)
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    assert response.status_code == 409
    assert response.json()["detail"] == "Этот слот уже занят: выберите другой."
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": "2020-01-06T10:00:00+03:00"})
    assert response.status_code == 400
    assert response.json()["detail"] == "Это время уже прошло: выберите слот в будущем."
    assert Booking.objects.count() == 1


def test_anonymous_users_cannot_book(client, room, slot):
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    assert response.status_code == 401
    assert not Booking.objects.exists()


def test_the_link_appears_only_in_the_callers_confirmed_booking(client, room, student, other_student, tutor_user, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    booking_confirm(booking=booking, by=tutor_user)
    client.force_login(student)
    [item] = client.get(f"{API}/bookings/").json()
    assert item["status"] == BookingStatus.CONFIRMED and item["video_link"] == VIDEO_LINK
    client.force_login(other_student)
    assert client.get(f"{API}/bookings/").json() == []
    assert post(client, f"{API}/bookings/{booking.pk}/cancel/").status_code == 404


def test_the_router_is_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/meetings/rooms/" in paths and "/api/v3/meetings/bookings/" in paths


def test_the_rooms_list_takes_a_bounded_number_of_queries(client, tutor, django_assert_max_num_queries):
    def count_for(rooms: int) -> int:
        for index in range(rooms):
            make_room(host=tutor, name=f"Комната {index}")
        with django_assert_max_num_queries(10) as context:
            client.get(f"{API}/rooms/")
        return len(context.captured_queries)

    assert count_for(1) == count_for(20)


def test_a_session_write_without_the_csrf_token_is_refused(room, student, slot):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    assert response.status_code in {401, 403}
    assert not Booking.objects.exists()


def test_the_room_representation_matches_the_stored_contract(client, room, student):
    client.force_login(student)
    [item] = client.get(f"{API}/rooms/").json()
    item["id"] = "<id>"
    expected = json.loads((Path(__file__).parent / "expected" / "room.json").read_text(encoding="utf-8"))
    assert item == expected
