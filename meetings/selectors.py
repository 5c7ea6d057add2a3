"""Reads: the rooms a visitor may see, their free slots, a person's bookings."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from meetings.models.rooms import ACTIVE_STATUSES, Booking, MeetingRoom, OfficeHours
from meetings.slots import Slot, slots_on
from pages.localized import localizing
from residents.selectors import User, items_visible

PICKER_DAYS = 14
# A booking's room and its host, named in the reader's language (read in the bookings' own query).
ROOM_TEXTS = ("room", "room__host")


def rooms_visible(*, user: User) -> QuerySet[MeetingRoom]:
    """Rooms this user may see, by name, with host and office hours in a bounded number of queries."""
    rooms = (
        items_visible(MeetingRoom.objects.all(), user=user)
        .select_related("host", "host__photo")
        .prefetch_related(Prefetch("office_hours", queryset=OfficeHours.objects.order_by("weekday", "start")))
        .order_by("name", "pk")
    )
    # the Russian rows (bookings point at them), with their names and their hosts' in the reader's language
    return localizing(rooms, related=("host",))


@dataclass(frozen=True)
class Day:
    date: datetime.date
    slots: list[Slot]


def room_free_slots(*, room: MeetingRoom, now: datetime.datetime | None = None, days: int = PICKER_DAYS) -> list[Day]:
    """Free future slots of the next `days` days, grouped by day (days without free slots left out)."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    last = today + datetime.timedelta(days=days - 1)
    hours = list(room.office_hours.all())
    busy = list(
        Booking.objects.filter(
            room=room,
            status__in=ACTIVE_STATUSES,
            end__gt=now,
            start__lt=now + datetime.timedelta(days=days + 1),
        ).values_list("start", "end")
    )
    result = []
    for offset in range((last - today).days + 1):
        day = today + datetime.timedelta(days=offset)
        free = [
            slot
            for slot in slots_on(day, hours)
            if slot.start > now and not any(slot.overlaps(start, end) for start, end in busy)
        ]
        if free:
            result.append(Day(day, free))
    return result


def bookings_of_resident(*, user: User) -> QuerySet[Booking]:
    """The user's own bookings, latest first."""
    if user is None or not user.is_authenticated:
        return Booking.objects.none()
    bookings = Booking.objects.filter(resident=user).select_related("room__host").order_by("-start", "-pk")
    return localizing(bookings, related=ROOM_TEXTS, rows=False)


def bookings_for_host(*, user: User, now: datetime.datetime | None = None) -> QuerySet[Booking]:
    """Upcoming bookings of the rooms this user hosts: the requests to answer and the confirmed meetings."""
    if user is None or not user.is_authenticated:
        return Booking.objects.none()
    bookings = (
        Booking.objects.filter(room__host__user=user, status__in=ACTIVE_STATUSES, end__gt=now or timezone.now())
        .select_related("room__host", "resident")
        .order_by("start")
    )
    return localizing(bookings, related=ROOM_TEXTS, rows=False)


def bookings_with_room() -> QuerySet[Booking]:
    """Bookings with their room, host and resident, the room's and host's texts in the reader's language (the
    calendar file, the e-mails)."""
    return localizing(Booking.objects.select_related("room__host", "resident"), related=ROOM_TEXTS, rows=False)
