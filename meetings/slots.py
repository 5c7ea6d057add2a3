"""The slot grid: office hours, in the school's time zone, cut into equal slots.

Pure functions over `OfficeHours` rows, shared by the booking rules (services) and the slot picker
(selectors), so both always agree on what a slot is.
"""

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils import timezone

from meetings.models.rooms import OfficeHours


@dataclass(frozen=True)
class Slot:
    start: datetime.datetime
    end: datetime.datetime

    def overlaps(self, start: datetime.datetime, end: datetime.datetime) -> bool:
        return self.start < end and start < self.end


class OutsideOfficeHours(ValueError):
    """The time is in none of the host's office hours."""


class OffSlotGrid(ValueError):
    """The time is inside office hours but not at the start of a slot."""

    def __init__(self, hours: OfficeHours):
        super().__init__(str(hours))
        self.hours = hours


def _at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())


def slots_on(day: datetime.date, hours: Iterable[OfficeHours]) -> Iterator[Slot]:
    """Every slot of this calendar day (school time), in order."""
    for period in sorted((h for h in hours if h.weekday == day.weekday()), key=lambda h: h.start):
        start, close = _at(day, period.start), _at(day, period.end)
        while start + period.slot <= close:
            yield Slot(start, start + period.slot)
            start += period.slot


def slot_starting_at(start: datetime.datetime, hours: Iterable[OfficeHours]) -> Slot:
    """The slot that begins exactly at `start`; raises OutsideOfficeHours or OffSlotGrid otherwise."""
    local = timezone.localtime(start, timezone.get_default_timezone())
    containing = None
    for period in hours:
        if period.weekday != local.weekday() or not period.start <= local.time() < period.end:
            continue
        containing = period
        offset = local - _at(local.date(), period.start)
        if offset % period.slot == datetime.timedelta(0) and local + period.slot <= _at(local.date(), period.end):
            return Slot(local, local + period.slot)
    if containing is None:
        raise OutsideOfficeHours(str(local))
    raise OffSlotGrid(containing)
