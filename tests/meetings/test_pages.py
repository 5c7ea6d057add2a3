"""The rooms page: list, slot picker without JavaScript, booking, the host's answer on the site."""

import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from meetings.models import Booking, BookingStatus, MeetingRoomsPage
from meetings.services import booking_create
from pages.models import HomePage
from residents.audiences import Audience
from tests.meetings.conftest import free_slots, make_room, make_rooms_page

pytestmark = pytest.mark.django_db


def room_url(page, room) -> str:
    return page.url + page.reverse_subpage("room", args=[room.pk])


def action_url(page, booking, action: str) -> str:
    return page.url + page.reverse_subpage("booking_action", args=[booking.pk, action])


class TestTree(WagtailPageTestCase):
    def test_the_rooms_page_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(MeetingRoomsPage, {HomePage})
        self.assertAllowedSubpageTypes(MeetingRoomsPage, set())


def test_the_page_and_rooms_are_for_residents_by_default(rooms_page, tutor):
    assert MeetingRoomsPage().audience == Audience.RESIDENTS
    assert make_room(host=tutor, audience=Audience.RESIDENTS).audience == Audience.RESIDENTS


def test_the_list_shows_rooms_hosts_and_office_hours(client, rooms_page, room, student):
    client.force_login(student)
    html = client.get(rooms_page.url).content.decode()
    assert room.name in html and "Анна Крылова" in html
    assert "понедельник: 10:00–12:00, слоты по 30 мин" in html


def test_the_picker_lists_free_slots_as_radio_buttons_grouped_by_day(client, rooms_page, room, student):
    client.force_login(student)
    response = client.get(room_url(rooms_page, room))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<fieldset") >= 13, "two weeks of days"
    assert html.count('type="radio" name="slot"') >= 13 * 3
    assert "<legend>" in html


def test_anonymous_visitors_see_a_room_opened_to_everyone_but_no_form(client, empty_home, tutor):
    # the council may open a resource to everyone (п. 2.6 of the regulations)
    rooms_page = make_rooms_page(empty_home, audience=Audience.EVERYONE)
    room = make_room(host=tutor, audience=Audience.EVERYONE)
    html = client.get(room_url(rooms_page, room)).content.decode()
    assert "Записаться могут резиденты коворкинга, вошедшие на сайт." in html
    assert 'name="slot"' not in html


def test_a_student_books_a_slot_through_the_form(client, rooms_page, room, student, slot):
    client.force_login(student)
    response = client.post(room_url(rooms_page, room), {"slot": slot.start.isoformat(), "topic": "Выбор темы"})
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert (booking.resident, booking.start, booking.topic) == (student, slot.start, "Выбор темы")
    html = client.get(response["Location"]).content.decode()
    assert "Заявка отправлена ведущему." in html
    assert "ждёт подтверждения" in html


@pytest.mark.parametrize(
    ("slot_value", "message"),
    [
        ("", "Выберите время встречи."),
        ("not-a-date", "Выберите время встречи из списка."),
        ("2020-01-06T10:00:00+03:00", "Это время уже прошло: выберите слот в будущем."),
    ],
)
def test_a_bad_request_shows_a_message_and_changes_nothing(client, rooms_page, room, student, slot_value, message):
    client.force_login(student)
    response = client.post(room_url(rooms_page, room), {"slot": slot_value})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Booking.objects.exists()


def test_a_taken_slot_is_no_longer_offered_and_is_refused(client, rooms_page, room, student, other_student, slot):
    booking_create(room=room, resident=other_student, start=slot.start)
    client.force_login(student)
    assert slot.start.isoformat() not in client.get(room_url(rooms_page, room)).content.decode()
    response = client.post(room_url(rooms_page, room), {"slot": slot.start.isoformat()})
    assert response.status_code == 400
    assert "Этот слот уже занят: выберите другой." in response.content.decode()
    assert Booking.objects.count() == 1


def test_the_host_confirms_on_the_site_and_both_get_the_calendar(
    client, rooms_page, room, student, tutor_user, slot, mailoutbox
):
    booking = booking_create(room=room, resident=student, start=slot.start)
    client.force_login(tutor_user)
    html = client.get(rooms_page.url).content.decode()
    assert "Записи в мои комнаты" in html and "Записался: student" in html
    response = client.post(action_url(rooms_page, booking, "confirm"))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len(mailoutbox) == 2 and mailoutbox[-1].attachments


def test_answers_are_posted_not_fetched(client, rooms_page, room, student, tutor_user, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    client.force_login(tutor_user)
    assert client.get(action_url(rooms_page, booking, "confirm")).status_code == 405
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_a_student_cannot_confirm_their_own_request(client, rooms_page, room, student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    client.force_login(student)
    response = client.post(action_url(rooms_page, booking, "confirm"), follow=True)
    assert "Отвечать на запись может только ведущий комнаты" in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_strangers_cannot_reach_someone_elses_booking(client, rooms_page, room, student, other_student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    client.force_login(other_student)
    assert client.post(action_url(rooms_page, booking, "cancel")).status_code == 404
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_a_student_cancels_their_booking(client, rooms_page, room, student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    client.force_login(student)
    client.post(action_url(rooms_page, booking, "cancel"))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED


def test_a_residents_page_is_refused_to_anonymous_and_plain_users(client, empty_home, staff_user, django_user_model):
    page = make_rooms_page(empty_home, audience=Audience.RESIDENTS)
    assert client.get(page.url).url.startswith("/account/login/")
    client.force_login(django_user_model.objects.create_user("plain", "plain@example.org", "password"))
    assert client.get(page.url).status_code == 403
    client.force_login(staff_user)
    assert client.get(page.url).status_code == 200


def test_the_list_takes_a_bounded_number_of_queries(client, rooms_page, tutor, student, django_assert_max_num_queries):
    client.force_login(student)
    client.get(rooms_page.url)  # site and settings caches warm up on the first request

    def count_for(extra_rooms: int) -> int:
        for index in range(extra_rooms):
            room = make_room(host=tutor, name=f"Комната {index}")
            start = timezone.localtime() + datetime.timedelta(days=1)
            start = start.replace(hour=10, minute=0, second=0, microsecond=0)
            booking_create(room=room, resident=student, start=start + datetime.timedelta(minutes=30 * index % 120))
        with django_assert_max_num_queries(40) as context:
            assert client.get(rooms_page.url).status_code == 200
        return len(context.captured_queries)

    assert count_for(1) == count_for(10)


def test_the_slot_picker_takes_a_bounded_number_of_queries(
    client, rooms_page, room, student, other_student, django_assert_max_num_queries
):
    client.force_login(student)
    url = room_url(rooms_page, room)
    client.get(url)

    def count_after_booking(slots: range) -> int:
        for index in slots:
            booking_create(room=room, resident=other_student, start=free_slots(room, index).start)
        with django_assert_max_num_queries(30) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    assert count_after_booking(range(1)) == count_after_booking(range(10))
