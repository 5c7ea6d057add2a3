"""The kinds of user of the access matrix (item 9 of issue 4), as data: how to make one, and which audiences
the regulations open to them."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from residents.audiences import Audience
from residents.models import Membership, Partner, Suspension, Tier
from residents.roles import Role

EVERYONE = {Audience.EVERYONE}
RESIDENTS = {Audience.EVERYONE, Audience.RESIDENTS}
INTERNAL = {Audience.EVERYONE, Audience.RESIDENTS, Audience.INTERNAL}
ALL = set(Audience.values)


def days(number: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=number)


def make_user(username: str, **extra):
    return get_user_model().objects.create_user(username, f"{username}@example.org", "correct-horse-9", **extra)


def internal(username: str, role: str = Role.STUDENT, school_class: str = "9Б"):
    user = make_user(username, first_name="Иван", last_name="Обучающийся")
    Membership.objects.create(
        user=user, tier=Tier.INTERNAL, role=role, school_class=school_class if role == Role.STUDENT else ""
    )
    return user


def external(username: str, *, contract_end: datetime.date):
    partner = Partner.objects.create(
        name="ООО «Партнёр»", contract_number="П-17", contract_start=days(-365), contract_end=contract_end
    )
    user = make_user(username)
    Membership.objects.create(user=user, tier=Tier.EXTERNAL, role=Role.REPRESENTATIVE, partner=partner)
    return user


def suspended(username: str, *, starts: int, ends: int | None):
    user = internal(username)
    Suspension.objects.create(
        membership=user.membership,
        reason="Нарушение правил коворкинга",
        decision_reference="Протокол № 3 от 12.03.2026",
        starts_on=days(starts),
        ends_on=days(ends) if ends is not None else None,
    )
    return user


@dataclass(frozen=True)
class UserKind:
    name: str
    make: Callable[[], object | None]
    audiences: set

    def __str__(self) -> str:
        return self.name


USER_KINDS = [
    UserKind("anonymous", lambda: None, EVERYONE),
    UserKind("registered without membership", lambda: make_user("registered"), EVERYONE),
    UserKind("external, valid contract", lambda: external("partner", contract_end=days(30)), RESIDENTS),
    UserKind("external, expired contract", lambda: external("former-partner", contract_end=days(-1)), EVERYONE),
    UserKind("student", lambda: internal("student", Role.STUDENT), INTERNAL),
    UserKind("parent", lambda: internal("parent", Role.PARENT), INTERNAL),
    UserKind("teacher", lambda: internal("teacher", Role.TEACHER), INTERNAL),
    UserKind("suspended for a time", lambda: suspended("suspended", starts=-1, ends=10), EVERYONE),
    UserKind("suspended for good", lambda: suspended("expelled", starts=0, ends=None), EVERYONE),
    UserKind("suspension ended", lambda: suspended("restored", starts=-20, ends=-1), INTERNAL),
    UserKind("staff", lambda: make_user("editor", is_staff=True), ALL),
]
