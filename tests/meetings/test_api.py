"""API v3 `meetings`: rooms for those who may see them, and the caller's own bookings."""

import json
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import APIToken

from meetings.models import Booking, BookingStatus
from meetings.services import booking_confirm, booking_create
from residents.audiences import Audience
from tests.api_contract import (
    assert_documented,
    assert_moscow_datetime,
    assert_window_bounds,
    assert_windows,
    error,
    field_error,
    openapi_operation,
    paged,
)
from tests.meetings.conftest import VIDEO_LINK, free_slots, make_room

pytestmark = pytest.mark.django_db
API = "/api/v3/meetings"


def post(client, url, payload=None, **extra):
    return client.post(url, data=json.dumps(payload or {}), content_type="application/json", **extra)


def bearer(user) -> dict:
    _, key = APIToken.create_token(user=user, name="тест")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_rooms_list_shows_hosts_and_office_hours_but_never_the_link(client, room, student):
    client.force_login(student)
    response = client.get(f"{API}/rooms/")
    [item] = paged(response, total=1)
    assert item["name"] == room.name and item["host"]["name"] == "Анна Крылова"
    assert len(item["office_hours"]) == 7
    assert VIDEO_LINK not in response.content.decode()


def test_rooms_for_residents_are_hidden_from_those_who_may_not_see_them(client, tutor, django_user_model):
    room = make_room(host=tutor, audience=Audience.RESIDENTS)
    non_resident = django_user_model.objects.create_user("guest", "guest@example.org", "password")
    for user in (None, non_resident):
        if user:
            client.force_login(user)
        assert paged(client.get(f"{API}/rooms/"), total=0) == []
        error(client.get(f"{API}/rooms/{room.pk}/"), 404, "not_found")
        error(client.get(f"{API}/rooms/{room.pk}/slots/"), 404, "not_found")
    client.force_login(django_user_model.objects.create_user("staff", "staff@example.org", "password", is_staff=True))
    assert [item["id"] for item in paged(client.get(f"{API}/rooms/"))] == [room.pk]


def test_a_residents_session_or_token_gives_their_tier_on_every_read(client, tutor, student):
    room = make_room(host=tutor, audience=Audience.RESIDENTS)
    reads = [f"{API}/rooms/", f"{API}/rooms/{room.pk}/", f"{API}/rooms/{room.pk}/slots/"]
    assert [client.get(url).status_code for url in reads] == [200, 404, 404]
    assert [client.get(url, **bearer(student)).status_code for url in reads] == [200, 200, 200]
    client.force_login(student)
    assert [client.get(url).status_code for url in reads] == [200, 200, 200]
    assert [item["id"] for item in paged(client.get(reads[0]))] == [room.pk]


def test_a_wrong_token_gets_401_in_the_error_format(client, room, student):
    client.force_login(student)  # a token, when sent, decides alone: a wrong one is refused, not read as the session
    for url in [f"{API}/rooms/", f"{API}/rooms/{room.pk}/", f"{API}/bookings/"]:
        error(client.get(url, HTTP_AUTHORIZATION="Bearer wrong"), 401, "invalid_token")


def test_lists_follow_the_pagination_contract(client, tutor, student):
    client.force_login(student)
    for index in range(3):
        make_room(host=tutor, name=f"Комната {index}", audience=Audience.EVERYONE)
    assert_windows(client, f"{API}/rooms/")
    assert_window_bounds(client, f"{API}/rooms/")
    room = make_room(host=tutor, name="Для записей", audience=Audience.RESIDENTS)
    slots = paged(client.get(f"{API}/rooms/{room.pk}/slots/", {"limit": 100}))
    assert len(paged(client.get(f"{API}/rooms/{room.pk}/slots/", {"limit": 5}), total=len(slots))) == 5
    assert_windows(client, f"{API}/rooms/{room.pk}/slots/", key="start")
    assert_window_bounds(client, f"{API}/rooms/{room.pk}/slots/")
    for index in range(3):
        booking_create(room=room, resident=student, start=free_slots(room, index * 2).start)
    assert_windows(client, f"{API}/bookings/")
    assert_window_bounds(client, f"{API}/bookings/")


def test_free_slots_leave_out_taken_ones(client, room, student, slot):
    client.force_login(student)
    starts = [item["start"] for item in paged(client.get(f"{API}/rooms/{room.pk}/slots/", {"limit": 100}))]
    assert len(starts) >= 13 * 3
    assert starts == sorted(starts)
    assert_moscow_datetime(starts[0])
    booking_create(room=room, resident=student, start=slot.start)
    after = client.get(f"{API}/rooms/{room.pk}/slots/", {"limit": 100}).json()
    assert after["meta"]["total_count"] == len(starts) - 1


def test_a_signed_in_user_books_lists_and_cancels(client, room, student, slot):
    assert client.get(f"{API}/bookings/").status_code == 401
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat(), "topic": "Тема"})
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["status"] == "requested" and created["video_link"] is None
    assert created["room_id"] == room.pk and created["room_name"] == room.name
    assert_moscow_datetime(created["start"])
    assert_moscow_datetime(created["end"])
    assert [item["id"] for item in paged(client.get(f"{API}/bookings/"), total=1)] == [created["id"]]
    response = post(client, f"{API}/bookings/{created['id']}/cancel/")
    assert response.json()["status"] == "cancelled"
    again = post(client, f"{API}/bookings/{created['id']}/cancel/")
    assert error(again, 409, "decided")["message"].startswith("Эту запись уже нельзя отменить")


def test_a_signed_in_user_books_with_a_token_and_no_csrf(client, room, student, slot):
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()}, **bearer(student))
    assert response.status_code == 201, response.content
    assert Booking.objects.get().resident == student


def test_a_bad_request_gets_a_problem_with_the_message_and_changes_nothing(client, room, student, other_student, slot):
    booking_create(room=room, resident=other_student, start=slot.start)
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    assert error(response, 409, "taken")["message"] == "Этот слот уже занят: выберите другой."
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": "2020-01-06T10:00:00+03:00"})
    assert error(response, 422, "past")["message"] == "Это время уже прошло: выберите слот в будущем."
    field_error(post(client, f"{API}/bookings/", {"room": room.pk, "start": "завтра"}), "start")
    field_error(post(client, f"{API}/bookings/", {"start": slot.start.isoformat()}), "room")
    long_topic = {"room": room.pk, "start": slot.start.isoformat(), "topic": "т" * 301}
    field_error(post(client, f"{API}/bookings/", long_topic), "topic")
    error(post(client, f"{API}/bookings/", {"room": 999999, "start": slot.start.isoformat()}), 404, "not_found")
    assert Booking.objects.count() == 1


def test_anonymous_users_cannot_book(client, room, slot):
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    error(response, 401, "not_authenticated")
    error(client.get(f"{API}/bookings/"), 401, "not_authenticated")
    assert not Booking.objects.exists()


def test_the_link_appears_only_in_the_callers_confirmed_booking(client, room, student, other_student, tutor_user, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    booking_confirm(booking=booking, by=tutor_user)
    client.force_login(student)
    [item] = paged(client.get(f"{API}/bookings/"))
    assert item["status"] == BookingStatus.CONFIRMED and item["video_link"] == VIDEO_LINK
    client.force_login(other_student)
    assert paged(client.get(f"{API}/bookings/"), total=0) == []
    error(post(client, f"{API}/bookings/{booking.pk}/cancel/"), 404, "not_found")


def test_the_router_is_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/meetings/rooms/" in paths and "/api/v3/meetings/bookings/" in paths
    assert_documented(openapi_operation(client, f"{API}/rooms/"), parameters={"limit", "offset"}, errors={401, 422})
    assert_documented(openapi_operation(client, f"{API}/rooms/{{room_id}}/"), parameters={"room_id"}, errors={404})
    slots = openapi_operation(client, f"{API}/rooms/{{room_id}}/slots/")
    assert_documented(slots, parameters={"room_id", "limit", "offset"}, errors={404, 422})
    bookings = openapi_operation(client, f"{API}/bookings/")
    assert_documented(bookings, parameters={"limit", "offset"}, errors={401, 422})
    assert {} not in bookings["security"], "anonymous callers may not list bookings"
    book = openapi_operation(client, f"{API}/bookings/", "post")
    assert_documented(book, errors={400, 401, 403, 404, 409, 422})
    cancel = openapi_operation(client, f"{API}/bookings/{{booking_id}}/cancel/", "post")
    assert_documented(cancel, parameters={"booking_id"}, errors={401, 403, 404, 409})


def test_the_rooms_list_takes_a_bounded_number_of_queries(client, tutor, django_assert_max_num_queries):
    def count_for(rooms: int) -> int:
        for index in range(rooms):
            make_room(host=tutor, name=f"Комната {index}")
        with django_assert_max_num_queries(10) as context:
            paged(client.get(f"{API}/rooms/", {"limit": 100}))
        return len(context.captured_queries)

    assert count_for(1) == count_for(20)


def test_the_bookings_list_takes_a_bounded_number_of_queries(client, tutor, student, django_assert_max_num_queries):
    def count_for(bookings: int) -> int:
        for index in range(bookings):
            room = make_room(host=tutor, name=f"Комната {Booking.objects.count()}-{index}")
            booking_create(room=room, resident=student, start=free_slots(room).start)
        with django_assert_max_num_queries(10) as context:
            paged(client.get(f"{API}/bookings/", {"limit": 100}))
        return len(context.captured_queries)

    client.force_login(student)
    assert count_for(1) == count_for(10)


def test_a_session_write_without_the_csrf_token_is_refused(room, student, slot):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    response = post(client, f"{API}/bookings/", {"room": room.pk, "start": slot.start.isoformat()})
    error(response, 403, "csrf_failed")
    assert not Booking.objects.exists()


def test_the_room_representation_matches_the_stored_contract(client, room, student):
    client.force_login(student)
    [item] = paged(client.get(f"{API}/rooms/"))
    item["id"] = "<id>"
    expected = json.loads((Path(__file__).parent / "expected" / "room.json").read_text(encoding="utf-8"))
    assert item == expected
