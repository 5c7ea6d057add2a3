"""Staff answer booking requests in the admin; editors manage rooms as snippets."""

import pytest
from django.urls import reverse

from meetings.models import BookingStatus
from meetings.services import booking_create

pytestmark = pytest.mark.django_db


def test_staff_see_requests_and_confirm_them_in_the_admin(admin_client, room, student, slot, mailoutbox):
    booking = booking_create(room=room, resident=student, start=slot.start, topic="Защита проекта")
    html = admin_client.get(reverse("meetings_admin_bookings")).content.decode()
    assert "Защита проекта" in html and "ждёт подтверждения" in html
    response = admin_client.post(reverse("meetings_admin_booking_action", args=[booking.pk, "confirm"]))
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len(mailoutbox) == 2 and mailoutbox[-1].attachments


def test_a_second_answer_in_the_admin_is_refused_with_a_message(admin_client, room, student, slot):
    booking = booking_create(room=room, resident=student, start=slot.start)
    url = reverse("meetings_admin_booking_action", args=[booking.pk, "decline"])
    admin_client.post(url)
    response = admin_client.post(reverse("meetings_admin_booking_action", args=[booking.pk, "confirm"]), follow=True)
    assert "На эту запись уже ответили: отклонена." in response.content.decode()
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED


def test_rooms_are_snippets_with_office_hours_inline(admin_client, room):
    response = admin_client.get(reverse("wagtailsnippets_meetings_meetingroom:edit", args=[room.pk]))
    assert response.status_code == 200
    assert "office_hours-TOTAL_FORMS" in response.content.decode()


def test_office_hours_that_end_before_they_start_are_refused(admin_client, tutor):
    data = {
        "name": "Комната",
        "purpose": "Проекты",
        "host": tutor.pk,
        "video_link": "https://telemost.example.org/j/1",
        "audience": "residents",
        "office_hours-TOTAL_FORMS": "1",
        "office_hours-INITIAL_FORMS": "0",
        "office_hours-MIN_NUM_FORMS": "1",
        "office_hours-MAX_NUM_FORMS": "1000",
        "office_hours-0-weekday": "0",
        "office_hours-0-start": "12:00",
        "office_hours-0-end": "10:00",
        "office_hours-0-slot_minutes": "30",
        "office_hours-0-ORDER": "1",
    }
    response = admin_client.post(reverse("wagtailsnippets_meetings_meetingroom:add"), data)
    assert response.status_code == 200
    assert "Конец приёма должен быть позже начала." in response.content.decode()
