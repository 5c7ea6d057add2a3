"""E-mails to the two people of a booking, with its .ics attached when it changes their calendars.

They are written in the language of the person whose action sends them (the room's name and its host's too).
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.ics import booking_calendar
from meetings.models.rooms import Booking
from pages.localized import localize

logger = logging.getLogger(__name__)


def _recipients(booking: Booking) -> list[str]:
    people = [booking.resident, booking.room.host.user]
    return [person.email for person in people if person is not None and person.email]


def _when(booking: Booking) -> str:
    start = timezone.localtime(booking.start)
    return f"{start:%d.%m.%Y %H:%M}–{timezone.localtime(booking.end):%H:%M}"


def _in_language(booking: Booking) -> Booking:
    """The booking with its room and host named in the active language (no query under the Russian site)."""
    localize([booking.room, booking.room.host])
    return booking


def _send(booking: Booking, *, subject: str, body: str) -> None:
    recipients = _recipients(booking)
    if not recipients:
        logger.warning("Booking %s: nobody to notify (no e-mail addresses)", booking.pk)
        return
    message = EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients)
    message.attach(f"meeting-{booking.pk}.ics", booking_calendar(booking), "text/calendar; method=PUBLISH")
    message.send()


def notify_confirmed(booking: Booking) -> None:
    room = _in_language(booking).room
    _send(
        booking,
        subject=_("Встреча подтверждена: %(room)s, %(when)s") % {"room": room.name, "when": _when(booking)},
        body=_(
            "Встреча в переговорной комнате «%(room)s» (ведущий: %(host)s) подтверждена на %(when)s "
            "(время московское).\nСсылка на видеовстречу: %(link)s\n"
            "Событие для календаря — во вложении."
        )
        % {"room": room.name, "host": room.host.name, "when": _when(booking), "link": room.video_link},
    )


def notify_requested(booking: Booking) -> None:
    """Tells the host that a request waits for an answer; no calendar and no link until it is confirmed."""
    host = booking.room.host.user
    if host is None or not host.email:
        logger.info("Booking %s: the host has no e-mail address; staff answer in the admin", booking.pk)
        return
    _in_language(booking)
    EmailMessage(
        subject=_("Новая заявка на встречу: %(room)s, %(when)s") % {"room": booking.room.name, "when": _when(booking)},
        body=_(
            "Резидент просит встречу в комнате «%(room)s» на %(when)s (время московское).\n"
            "Тема: %(topic)s\n"
            "Подтвердите или отклоните заявку на странице переговорных комнат."
        )
        % {"room": booking.room.name, "when": _when(booking), "topic": booking.topic or "—"},
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[host.email],
    ).send()


def notify_withdrawn(booking: Booking) -> None:
    """A declined request or a cancelled meeting: the calendars drop the event."""
    _in_language(booking)
    _send(
        booking,
        subject=_("Встреча не состоится: %(room)s, %(when)s") % {"room": booking.room.name, "when": _when(booking)},
        body=_("Запись в переговорную комнату «%(room)s» на %(when)s: %(status)s.")
        % {"room": booking.room.name, "when": _when(booking), "status": booking.get_status_display()},
    )
