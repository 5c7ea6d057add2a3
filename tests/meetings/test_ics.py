"""The .ics of a booking: valid RFC 5545, for the booking's two people only, the link only once confirmed."""

import pytest
from icalendar import Calendar

from meetings.services import booking_confirm, booking_create
from tests.meetings.conftest import VIDEO_LINK

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(room, student, slot, rooms_page):
    return booking_create(room=room, resident=student, start=slot.start, topic="План проекта")


def ics_url(page, booking) -> str:
    return page.url + page.reverse_subpage("booking_ics", args=[booking.pk])


def download(client, user, page, booking):
    if user is not None:
        client.force_login(user)
    return client.get(ics_url(page, booking))


def test_the_booker_downloads_a_valid_calendar_without_the_link_before_confirmation(
    client, rooms_page, booking, student
):
    response = download(client, student, rooms_page, booking)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [event] = calendar.walk("VEVENT")
    assert event["UID"] and event["DTSTAMP"]
    assert event.decoded("DTSTART") == booking.start and event.decoded("DTEND") == booking.end
    assert str(event["STATUS"]) == "TENTATIVE"
    assert VIDEO_LINK not in response.content.decode()


def test_the_confirmed_calendar_carries_the_link_for_both_people(client, rooms_page, booking, student, tutor_user):
    booking_confirm(booking=booking, by=tutor_user)
    for user in (student, tutor_user):
        client.logout()
        response = download(client, user, rooms_page, booking)
        assert response.status_code == 200
        [event] = Calendar.from_ical(response.content).walk("VEVENT")
        assert str(event["STATUS"]) == "CONFIRMED"
        assert str(event["LOCATION"]) == VIDEO_LINK


def test_nobody_else_downloads_the_calendar(client, rooms_page, booking, tutor_user, other_student, staff_user):
    booking_confirm(booking=booking, by=tutor_user)
    client.logout()
    assert download(client, None, rooms_page, booking).url.startswith("/account/login/")
    for user in (other_student, staff_user):
        client.logout()
        assert download(client, user, rooms_page, booking).status_code == 404


def test_the_confirmation_mail_attachment_is_a_valid_calendar(booking, tutor_user, mailoutbox):
    booking_confirm(booking=booking, by=tutor_user)
    _name, content, _mimetype = mailoutbox[-1].attachments[0]
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["STATUS"]) == "CONFIRMED" and str(event["URL"]) == VIDEO_LINK
    assert VIDEO_LINK in mailoutbox[-1].body
