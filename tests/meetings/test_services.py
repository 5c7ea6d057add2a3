"""The booking rules: future, inside office hours, on the slot grid, never twice; bad requests change nothing."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from meetings.models import Booking, BookingStatus
from meetings.services import BookingError, booking_cancel, booking_confirm, booking_create, booking_decline
from residents.audiences import Audience
from tests.meetings.conftest import free_slots, make_room

pytestmark = pytest.mark.django_db


def moscow(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=timezone.get_default_timezone())


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


def refused(code: str, **kwargs) -> str:
    before = Booking.objects.count()
    with pytest.raises(BookingError) as error:
        booking_create(**kwargs)
    assert error.value.code == code
    assert Booking.objects.count() == before, "a refused request changes nothing"
    return error.value.message


def test_a_student_books_a_free_slot_and_waits_for_the_host(room, student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start, topic="  Тема проекта ")
    assert (booking.start, booking.end) == (slot.start, slot.end)
    assert booking.status == BookingStatus.REQUESTED
    assert booking.topic == "Тема проекта"


def test_the_end_comes_from_the_slot_length(room, student):
    start = moscow(tomorrow(), 11, 30)
    booking = booking_create(room=room, resident=student, start=start)
    assert booking.end - booking.start == datetime.timedelta(minutes=30)


def test_a_slot_in_the_past_is_refused_with_a_clear_message(room, student):
    start = moscow(timezone.localdate() - datetime.timedelta(days=1), 10)
    assert refused("past", room=room, resident=student, start=start) == "Это время уже прошло: выберите слот в будущем."


def test_a_time_outside_office_hours_is_refused(room, student):
    message = refused("outside_hours", room=room, resident=student, start=moscow(tomorrow(), 13))
    assert message == "Это время вне приёмных часов ведущего."


def test_the_last_minute_of_office_hours_is_outside_them(room, student):
    refused("outside_hours", room=room, resident=student, start=moscow(tomorrow(), 12))


def test_a_time_between_slot_starts_is_refused(room, student):
    message = refused("off_grid", room=room, resident=student, start=moscow(tomorrow(), 10, 10))
    assert "слоты по 30 минут с 10:00" in message


def test_a_slot_further_than_two_weeks_is_refused(room, student):
    refused("too_far", room=room, resident=student, start=moscow(tomorrow() + datetime.timedelta(days=20), 10))


def test_a_slot_cannot_be_booked_twice(room, student, other_student, slot):
    booking_create(room=room, resident=student, start=slot.start)
    assert refused("taken", room=room, resident=other_student, start=slot.start) == (
        "Этот слот уже занят: выберите другой."
    )


def test_an_overlapping_slot_of_other_office_hours_is_refused(tutor, student, other_student):
    day = tomorrow()
    hours = [
        (day.weekday(), datetime.time(10), datetime.time(12), 60),
        (day.weekday(), datetime.time(10, 30), datetime.time(11, 0), 30),
    ]
    room = make_room(host=tutor, hours=hours)
    booking_create(room=room, resident=student, start=moscow(day, 10))
    refused("taken", room=room, resident=other_student, start=moscow(day, 10, 30))


def test_a_declined_or_cancelled_booking_frees_the_slot(room, student, other_student, tutor_user, slot):
    first = booking_create(room=room, resident=student, start=slot.start)
    booking_decline(booking=first, by=tutor_user)
    second = booking_create(room=room, resident=other_student, start=slot.start)
    booking_cancel(booking=second, by=other_student)
    assert booking_create(room=room, resident=student, start=slot.start).status == BookingStatus.REQUESTED


def test_anonymous_users_and_hosts_cannot_book(room, tutor_user, slot):
    refused("login", room=room, resident=AnonymousUser(), start=slot.start)
    refused("host", room=room, resident=tutor_user, start=slot.start)


def test_a_room_for_residents_cannot_be_booked_by_someone_who_cannot_see_it(tutor, student):
    room = make_room(host=tutor, audience=Audience.STAFF)
    refused("forbidden", room=room, resident=student, start=free_slots(room).start)


def test_the_host_confirms_and_both_receive_the_ics_with_the_link(room, student, tutor_user, slot, mailoutbox):
    booking = booking_create(room=room, resident=student, start=slot.start)
    [request] = mailoutbox
    assert request.to == ["tutor@example.org"] and "Новая заявка" in request.subject
    assert not request.attachments and room.video_link not in request.body
    booking_confirm(booking=booking, by=tutor_user)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len(mailoutbox) == 2
    message = mailoutbox[-1]
    assert sorted(message.to) == ["student@example.org", "tutor@example.org"]
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert room.video_link in (content.decode() if isinstance(content, bytes) else content)


def test_only_the_host_or_staff_answer_a_request(room, student, other_student, staff_user, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    for outsider in (student, other_student):
        with pytest.raises(BookingError) as error:
            booking_confirm(booking=booking, by=outsider)
        assert error.value.code == "forbidden"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED
    booking_decline(booking=booking, by=staff_user)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED


def test_an_answered_request_cannot_be_answered_again(room, student, tutor_user, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    booking_confirm(booking=booking, by=tutor_user)
    with pytest.raises(BookingError) as error:
        booking_decline(booking=booking, by=tutor_user)
    assert error.value.code == "decided"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_others_cannot_cancel_a_booking(room, student, other_student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    with pytest.raises(BookingError):
        booking_cancel(booking=booking, by=other_student)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_messages_are_translated_into_english(room, student):
    with translation.override("en"):
        message = refused("outside_hours", room=room, resident=student, start=moscow(tomorrow(), 13))
    assert message == "This time is outside the host's office hours."
