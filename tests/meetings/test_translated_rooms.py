"""Meeting rooms in the reader's language: the demo's English rooms under /en/ and in the API asked in English,
the Russian ones under /; bookings, slots and calendars always use the Russian room."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Locale

from meetings.models import Booking, MeetingRoom, MeetingRoomsPage
from meetings.services import booking_create
from pages.demo.snippet_translation import ensure_english_snippet
from tests.meetings.conftest import free_slots, internal_resident, make_room

TUTOR_ROOM_RU, TUTOR_ROOM_EN = "Тьюторская проектной деятельности", "Project work tutor&#x27;s room"
PURPOSE_EN = "Choosing the topic of an individual project"
PARTNER_RU, PARTNER_EN = "Консультация партнёра", "Partner consultation"
API = "/api/v3/meetings"


@pytest.fixture
def reader(home, django_user_model):
    return internal_resident(django_user_model.objects.create_user("reader", "reader@example.org", "password"))


@pytest.fixture
def tutor_room(home) -> MeetingRoom:
    return MeetingRoom.objects.get(name=TUTOR_ROOM_RU, locale__language_code="ru")


def english_page_url() -> str:
    page = MeetingRoomsPage.objects.get(locale__language_code="en")
    assert page.url == "/en/meeting-rooms/"
    return page.url


def unfolded(calendar: bytes) -> str:
    """The .ics text with its folded lines joined again (RFC 5545, 3.1)."""
    return re.sub(r"\r\n[ \t]", "", calendar.decode())


@pytest.mark.django_db
def test_rooms_read_in_english_under_en_and_in_russian_under_root(client, reader, tutor_room):
    client.force_login(reader)
    rooms = MeetingRoom.objects.filter(locale__language_code="ru").count()

    english = client.get(english_page_url()).text
    assert english.count(TUTOR_ROOM_EN) == 1 and PURPOSE_EN in english and PARTNER_EN in english
    assert TUTOR_ROOM_RU not in english and PARTNER_RU not in english
    assert "Anna Krylova" in english  # the host, a person
    assert english.count('class="card"') == rooms  # each room once, not beside its translation

    russian = client.get("/meeting-rooms/").text
    assert russian.count(TUTOR_ROOM_RU) == 1 and TUTOR_ROOM_EN not in russian and PURPOSE_EN not in russian

    detail = client.get(f"/en/meeting-rooms/rooms/{tutor_room.pk}/")
    assert detail.status_code == 200
    assert TUTOR_ROOM_EN in detail.text and PURPOSE_EN in detail.text and TUTOR_ROOM_RU not in detail.text
    assert TUTOR_ROOM_RU in client.get(f"/meeting-rooms/rooms/{tutor_room.pk}/").text
    english_row = tutor_room.get_translation(Locale.objects.get(language_code="en"))
    assert english_row.office_hours.count() == tutor_room.office_hours.count()  # synchronised with the source
    assert client.get(f"/en/meeting-rooms/rooms/{english_row.pk}/").status_code == 404  # links: the source


@pytest.mark.django_db
def test_booking_from_the_english_page_books_the_russian_room(client, reader, tutor_room, django_user_model):
    host = tutor_room.host
    host.user = django_user_model.objects.create_user("krylova", "krylova@example.org", "password")
    host.save()
    client.force_login(reader)
    slot = free_slots(tutor_room)

    response = client.post(f"/en/meeting-rooms/rooms/{tutor_room.pk}/", {"slot": slot.start.isoformat()})
    assert response.status_code == 302
    booking = Booking.objects.get(resident=reader)
    assert booking.room == tutor_room and booking.start == slot.start
    assert [message.subject.split(",")[0] for message in mail.outbox] == [
        "New meeting request: Project work tutor's room"
    ]

    mine = client.get(english_page_url()).text
    assert "Мои записи" not in mine and mine.count(TUTOR_ROOM_EN) == 2  # the room's card and my booking
    assert "Host: Anna Krylova" in mine
    assert TUTOR_ROOM_RU in client.get("/meeting-rooms/").text

    calendar = unfolded(client.get(f"/en/meeting-rooms/bookings/{booking.pk}/calendar/").content)
    assert "SUMMARY:Meeting: Project work tutor's room" in calendar and TUTOR_ROOM_RU not in calendar
    assert f"SUMMARY:Встреча: {TUTOR_ROOM_RU}" in unfolded(
        client.get(f"/meeting-rooms/bookings/{booking.pk}/calendar/").content
    )


@pytest.mark.django_db
def test_the_api_names_rooms_in_the_language_asked_for(client, reader, tutor_room):
    client.force_login(reader)  # the rooms are for residents
    russian = client.get(f"{API}/rooms/", {"limit": 100}).json()["items"]
    english = client.get(f"{API}/rooms/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [room["id"] for room in english] == [room["id"] for room in russian]  # the same rooms, once each
    names = {room["id"]: room["name"] for room in english}
    assert names[tutor_room.pk] == "Project work tutor's room"
    assert {room["id"]: room["name"] for room in russian}[tutor_room.pk] == TUTOR_ROOM_RU

    start = free_slots(tutor_room).start.isoformat()
    booked = client.post(
        f"{API}/bookings/", {"room": tutor_room.pk, "start": start}, "application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert booked.status_code == 201 and booked.json()["room_name"] == "Project work tutor's room"
    assert booked.json()["room_id"] == tutor_room.pk
    bookings = client.get(f"{API}/bookings/", HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [booking["room_name"] for booking in bookings] == ["Project work tutor's room"]
    assert [booking["room_name"] for booking in client.get(f"{API}/bookings/").json()["items"]] == [TUTOR_ROOM_RU]


@pytest.mark.django_db
def test_a_new_room_without_translation_falls_back_to_russian(client, reader, tutor_room):
    new = make_room(host=tutor_room.host, name="Кабинет профориентации")
    client.force_login(reader)
    rooms = MeetingRoom.objects.filter(locale__language_code="ru").count()

    english = client.get(english_page_url()).text
    assert "Кабинет профориентации" in english and english.count('class="card"') == rooms
    ensure_english_snippet(new, strings={"Кабинет профориентации": "Career guidance office"})
    english = client.get(english_page_url()).text
    assert "Career guidance office" in english and "Кабинет профориентации" not in english
    assert english.count('class="card"') == rooms


@pytest.mark.django_db
def test_english_lists_take_as_many_queries_as_russian_ones(client, tutor, student, django_assert_max_num_queries):
    """The rooms' and the bookings' English names are read in the lists' own queries (no query per row)."""
    client.force_login(student)

    def counts(rooms: int) -> dict[str, int]:
        for _ in range(rooms):
            room = make_room(host=tutor, name=f"Комната {MeetingRoom.objects.count()}")
            ensure_english_snippet(room, strings={room.name: f"Room {room.pk}"})
            booking_create(room=room, resident=student, start=free_slots(room).start)
        result = {}
        for language in ("ru", "en"):
            for url in (f"{API}/rooms/", f"{API}/bookings/"):
                with django_assert_max_num_queries(10) as context:
                    items = client.get(url, {"limit": 100}, HTTP_ACCEPT_LANGUAGE=language).json()["items"]
                names = [item.get("room_name") or item["name"] for item in items]
                assert all(name.startswith("Room" if language == "en" else "Комната") for name in names)
                result[f"{language} {url}"] = len(context.captured_queries)
        return result

    few = counts(1)
    assert few == counts(5)
    assert few[f"en {API}/rooms/"] == few[f"ru {API}/rooms/"]
    assert few[f"en {API}/bookings/"] == few[f"ru {API}/bookings/"]


@pytest.mark.django_db
def test_an_editor_translates_a_room_in_the_admin(admin_client, tutor):
    english = Locale.objects.get_or_create(language_code="en")[0]
    room = make_room(host=tutor, name="Тьюторская")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["meetings", "meetingroom", room.pk])
    assert url in admin_client.get(reverse("wagtailsnippets_meetings_meetingroom:list")).text  # «Перевести»

    assert admin_client.post(url, {"locales": [english.pk]}).status_code == 302
    translated = room.get_translation(english)
    assert translated.host == tutor and translated.video_link == room.video_link  # synchronised
    assert translated.office_hours.count() == room.office_hours.count()
    edit = admin_client.get(reverse("wagtailsnippets_meetings_meetingroom:edit", args=[translated.pk]))
    assert edit.status_code == 200 and "Тьюторская" in edit.text
