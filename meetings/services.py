"""Writes with rules: booking a slot, answering a request, cancelling.

A bad request raises BookingError with a message for the person and changes nothing. Two people
asking for the same slot at the same moment are serialised by a lock on the room's row; the
conditional unique constraint on (room, start) stops whatever slips past the lock.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings.models.rooms import ACTIVE_STATUSES, Booking, BookingStatus, MeetingRoom
from meetings.notifications import notify_confirmed, notify_requested, notify_withdrawn
from meetings.permissions import can_cancel, can_decide, is_host
from meetings.slots import OffSlotGrid, OutsideOfficeHours, slot_starting_at
from residents.selectors import User, can_view

BOOKING_HORIZON = datetime.timedelta(days=14)


class BookingError(Exception):
    """A booking rule was broken; `message` says which, in words for the resident or the host."""

    def __init__(self, message, *, code: str):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def booking_create(
    *, room: MeetingRoom, resident: User, start: datetime.datetime, topic: str = "", now=None
) -> Booking:
    """Books the slot that begins at `start` for `resident`, waiting for the host's answer."""
    now = now or timezone.now()
    if resident is None or not resident.is_authenticated or not resident.is_active:
        raise BookingError(_("Войдите на сайт, чтобы записаться на встречу."), code="login")
    with transaction.atomic():
        room = MeetingRoom.objects.select_for_update().get(pk=room.pk)
        if not can_view(room, user=resident):
            raise BookingError(_("Эта переговорная комната вам недоступна."), code="forbidden")
        if is_host(room, resident):
            raise BookingError(_("Ведущий не может записаться в собственную комнату."), code="host")
        if start <= now:
            raise BookingError(_("Это время уже прошло: выберите слот в будущем."), code="past")
        if start > now + BOOKING_HORIZON:
            raise BookingError(_("Записаться можно не больше чем на две недели вперёд."), code="too_far")
        try:
            slot = slot_starting_at(start, room.office_hours.all())
        except OutsideOfficeHours:
            raise BookingError(_("Это время вне приёмных часов ведущего."), code="outside_hours") from None
        except OffSlotGrid as error:
            raise BookingError(
                _("Запись возможна только на начало слота: слоты по %(minutes)s минут с %(start)s.")
                % {"minutes": error.hours.slot_minutes, "start": f"{error.hours.start:%H:%M}"},
                code="off_grid",
            ) from None
        taken = Booking.objects.filter(
            room=room, status__in=ACTIVE_STATUSES, start__lt=slot.end, end__gt=slot.start
        ).exists()
        if taken:
            raise BookingError(_("Этот слот уже занят: выберите другой."), code="taken")
        try:
            with transaction.atomic():
                booking = Booking.objects.create(
                    room=room, resident=resident, start=slot.start, end=slot.end, topic=topic.strip()
                )
        except IntegrityError:
            raise BookingError(_("Этот слот уже занят: выберите другой."), code="taken") from None
    notify_requested(booking)
    return booking


def _locked(booking: Booking) -> Booking:
    return Booking.objects.select_for_update(of=("self",)).select_related("room__host", "resident").get(pk=booking.pk)


def booking_confirm(*, booking: Booking, by: User, now=None) -> Booking:
    """The host (or staff) confirms; both people get the .ics with the room's link by e-mail."""
    booking = _decide(booking, by=by, status=BookingStatus.CONFIRMED, now=now)
    notify_confirmed(booking)
    return booking


def booking_decline(*, booking: Booking, by: User, now=None) -> Booking:
    booking = _decide(booking, by=by, status=BookingStatus.DECLINED, now=now)
    notify_withdrawn(booking)
    return booking


def _decide(booking: Booking, *, by: User, status: str, now=None) -> Booking:
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked(booking)
        if not can_decide(booking, by):
            raise BookingError(
                _("Отвечать на запись может только ведущий комнаты или сотрудник коворкинга."), code="forbidden"
            )
        if booking.status != BookingStatus.REQUESTED:
            raise BookingError(
                _("На эту запись уже ответили: %(status)s.") % {"status": booking.get_status_display()},
                code="decided",
            )
        if booking.start <= now:
            raise BookingError(_("Время встречи уже прошло."), code="past")
        booking.status = status
        booking.decided_at = now
        booking.save(update_fields=["status", "decided_at"])
    return booking


def booking_cancel(*, booking: Booking, by: User, now=None) -> Booking:
    """The resident or the host calls off a meeting that has not begun; the slot becomes free."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked(booking)
        if not can_cancel(booking, by):
            raise BookingError(_("Отменить запись может только её участник."), code="forbidden")
        if booking.status not in ACTIVE_STATUSES:
            raise BookingError(
                _("Эту запись уже нельзя отменить: %(status)s.") % {"status": booking.get_status_display()},
                code="decided",
            )
        if booking.start <= now:
            raise BookingError(_("Встреча уже началась или прошла."), code="past")
        booking.status = BookingStatus.CANCELLED
        booking.decided_at = now
        booking.save(update_fields=["status", "decided_at"])
    notify_withdrawn(booking)
    return booking
