"""The project event generator: a format's agenda template scaled to the chosen duration.

The arithmetic is exact in whole minutes: the duration is shared in proportion to the steps' relative
durations by the largest-remainder method (with exact fractions, no floating point), so the agenda always
fills exactly the chosen duration and every step keeps at least one minute.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from fractions import Fraction
from typing import NamedTuple

from django.utils import formats
from django.utils.translation import gettext as _

from events.models.events import EVENT_TIME_ZONE
from events.models.formats import EventFormat

MIN_DURATION = 10
MAX_DURATION = 3 * 24 * 60
MAX_PARTICIPANTS = 1000


def scale_minutes(weights: Sequence[int], total: int) -> list[int]:
    """Whole minutes for each weight, summing exactly to `total`.

    Largest-remainder method: each step gets the whole part of its share, the minutes left over go to the
    largest fractional parts (ties to the earlier step). At the template's own total the agenda is the
    template. A step rounded down to nothing takes a minute from the longest step, so none is empty."""
    if not weights or any(weight <= 0 for weight in weights):
        raise ValueError("weights must be positive")
    if total < len(weights):
        raise ValueError("total must give every step at least one minute")
    weight_sum = sum(weights)
    quotas = [Fraction(total * weight, weight_sum) for weight in weights]
    minutes = [math.floor(quota) for quota in quotas]
    left = total - sum(minutes)
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(quotas[i] - minutes[i]), i))
    for i in by_remainder[:left]:
        minutes[i] += 1
    for i, length in enumerate(minutes):
        if length == 0:
            minutes[minutes.index(max(minutes))] -= 1
            minutes[i] = 1
    return minutes


@dataclass(frozen=True)
class AgendaItem:
    start: datetime
    end: datetime
    minutes: int
    title: str
    notes: str


class ProgrammeRole(NamedTuple):
    title: str
    duty: str


@dataclass(frozen=True)
class Programme:
    event_format: EventFormat
    topic: str
    start: datetime
    duration: int
    participants: int
    agenda: list[AgendaItem] = field(default_factory=list)
    roles: list[ProgrammeRole] = field(default_factory=list)
    checklist: list[str] = field(default_factory=list)
    teams: int | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration)

    @property
    def title(self) -> str:
        return f"{self.event_format.name}: {self.topic}"

    def announcement(self) -> str:
        start = self.start.astimezone(EVENT_TIME_ZONE)
        when = formats.date_format(start, "j E Y")
        time = formats.time_format(start, "H:i")
        text = _("Приглашаем на событие в формате «%(format)s» на тему «%(topic)s».") % {
            "format": self.event_format.name,
            "topic": self.topic,
        }
        text += " " + _("Когда: %(date)s, начало в %(time)s по московскому времени, продолжительность %(length)s.") % {
            "date": when,
            "time": time,
            "length": duration_label(self.duration),
        }
        text += " " + _("Участников: %(count)d.") % {"count": self.participants}
        if self.teams:
            text += " " + _("Команд: %(count)d.") % {"count": self.teams}
        return text

    def agenda_text(self) -> str:
        return "\n".join(
            f"{item.start.astimezone(EVENT_TIME_ZONE):%H:%M}–{item.end.astimezone(EVENT_TIME_ZONE):%H:%M} "
            f"{item.title} ({item.minutes} {_('мин')})"
            for item in self.agenda
        )


def duration_label(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(_("%(count)d ч") % {"count": hours})
    if rest or not hours:
        parts.append(_("%(count)d мин") % {"count": rest})
    return " ".join(parts)


def programme_build(
    *, event_format: EventFormat, topic: str, start: datetime, duration: int, participants: int
) -> Programme:
    """The programme of one event: a timed agenda that fills `duration`, roles, a checklist, the teams."""
    steps = list(event_format.steps.all())
    minutes = scale_minutes([step.weight for step in steps], duration)
    agenda, moment = [], start
    for step, length in zip(steps, minutes, strict=True):
        end = moment + timedelta(minutes=length)
        agenda.append(AgendaItem(start=moment, end=end, minutes=length, title=step.title, notes=step.notes))
        moment = end
    teams = math.ceil(participants / event_format.group_size) if event_format.group_size else None
    return Programme(
        event_format=event_format,
        topic=topic,
        start=start,
        duration=duration,
        participants=participants,
        agenda=agenda,
        roles=[ProgrammeRole(role.title, role.duty) for role in event_format.roles.all()],
        checklist=event_format.checklist_items(),
        teams=teams,
    )
