"""One booking as an RFC 5545 calendar, for the booker's and the host's calendars.

The room's video link goes into the calendar only when the booking is confirmed: a request that
may still be declined must not hand out the link.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from meetings.models.rooms import Booking, BookingStatus

ICS_STATUS = {
    BookingStatus.REQUESTED: "TENTATIVE",
    BookingStatus.CONFIRMED: "CONFIRMED",
    BookingStatus.DECLINED: "CANCELLED",
    BookingStatus.CANCELLED: "CANCELLED",
}
# Each change of status is a new version of the same event for calendar programs.
ICS_SEQUENCE = {
    BookingStatus.REQUESTED: 0,
    BookingStatus.CONFIRMED: 1,
    BookingStatus.DECLINED: 2,
    BookingStatus.CANCELLED: 2,
}


def booking_uid(booking: Booking) -> str:
    host = urlsplit(settings.PUBLIC_BASE_URL).hostname or "coworking"
    return f"meeting-booking-{booking.pk}@{host}"


def booking_calendar(booking: Booking) -> bytes:
    room = booking.room
    calendar = Calendar()
    calendar.add("prodid", "-//Цифровое коворкинговое пространство//Переговорные комнаты//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    event = Event()
    event.add("uid", booking_uid(booking))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.start)
    event.add("dtend", booking.end)
    event.add("summary", _("Встреча: %(room)s") % {"room": room.name})
    event.add("status", ICS_STATUS[booking.status])
    event.add("sequence", ICS_SEQUENCE[booking.status])
    lines = [_("Ведущий: %(host)s") % {"host": room.host.name}]
    if booking.topic:
        lines.append(_("Тема: %(topic)s") % {"topic": booking.topic})
    if booking.status == BookingStatus.CONFIRMED:
        event.add("location", room.video_link)
        event.add("url", room.video_link)
        lines.append(_("Ссылка на видеовстречу: %(link)s") % {"link": room.video_link})
    event.add("description", "\n".join(lines))
    calendar.add_component(event)
    return calendar.to_ical()
