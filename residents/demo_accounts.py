"""The demo accounts: an administrator and a resident of each kind, created once, with passwords kept
across runs of `scripts/run.sh` in a local file that git ignores.

A newcomer who runs the demo again logs in with the password printed the first time, and every run prints
it again. The file (`.demo-credentials` in the project, or DEMO_CREDENTIALS_FILE) is readable by its owner
only; no password is ever written to a tracked file. A password given in the environment wins and is not
written down.
"""

import datetime
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from residents.models import Membership, Partner, Tier
from residents.roles import Role


@dataclass(frozen=True)
class DemoResident:
    login: str
    first_name: str
    last_name: str
    tier: str
    role: str
    school_class: str = ""


DEMO_RESIDENTS = (
    DemoResident("demo-student", "Мария", "Данилова", Tier.INTERNAL, Role.STUDENT, "9Б"),
    DemoResident("demo-teacher", "Ольга", "Давыдова", Tier.INTERNAL, Role.TEACHER),
    DemoResident("demo-partner", "Андрей", "Дорохов", Tier.EXTERNAL, Role.REPRESENTATIVE),
)
DEMO_PARTNER = {"contract_number": "ДП-2026/01", "name": "АНО «Городской центр технологического творчества»"}


class DemoCredentialsError(Exception):
    """The kept passwords cannot be read: the file is damaged."""


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    damaged = _("Файл %(path)s с паролями демо-учётных записей повреждён: удалите его, пароли будут созданы заново.")
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DemoCredentialsError(damaged % {"path": path}) from error
    if not isinstance(kept, dict) or not all(isinstance(value, str) for value in kept.values()):
        raise DemoCredentialsError(damaged % {"path": path})
    return kept


def _write(path: Path, kept: dict[str, str]) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump(kept, file, ensure_ascii=False, indent=2)


def demo_password(login: str, *, preset: str = "") -> str:
    """This demo login's password: `preset` (from the environment) when given, otherwise the one kept in
    the file, otherwise a new random one, kept there for the next run."""
    if preset:
        return preset
    path = Path(settings.DEMO_CREDENTIALS_FILE)
    kept = _read(path)
    if login not in kept:
        kept[login] = secrets.token_urlsafe(12)
        _write(path, kept)
    return kept[login]


def _account(login: str, password: str, **attributes) -> AbstractBaseUser:
    """The account with this login, created the first time; its password and attributes are written only
    when they differ (hashing a password is slow on purpose, and nothing changes on a second run)."""
    user, created = get_user_model().objects.get_or_create(username=login, defaults={"email": f"{login}@localhost"})
    changed = created or not user.check_password(password)
    if changed:
        user.set_password(password)
    for name, value in attributes.items():
        if getattr(user, name) != value:
            setattr(user, name, value)
            changed = True
    if changed:
        user.save()
    return user


def demo_admin_ensure(*, login: str, password: str) -> AbstractBaseUser:
    """The demo administrator, a superuser who logs in with this password."""
    return _account(login, password, is_staff=True, is_superuser=True, is_active=True)


def demo_partner() -> Partner:
    """The demo's partner organisation, its contract running from a month ago for a year; made once."""
    today = timezone.localdate()
    partner, _created = Partner.objects.get_or_create(
        contract_number=DEMO_PARTNER["contract_number"],
        defaults={
            "name": DEMO_PARTNER["name"],
            "contract_start": today - datetime.timedelta(days=30),
            "contract_end": today + datetime.timedelta(days=365),
        },
    )
    return partner


@transaction.atomic
def demo_residents_ensure(*, passwords: dict[str, str]) -> list[Membership]:
    """A student, a teacher and a partner's representative (the partner's contract running), each with
    their password from `passwords`."""
    partner = demo_partner()
    memberships = []
    for resident in DEMO_RESIDENTS:
        user = _account(
            resident.login,
            passwords[resident.login],
            first_name=resident.first_name,
            last_name=resident.last_name,
            is_active=True,
        )
        membership, _created = Membership.objects.update_or_create(
            user=user,
            defaults={
                "tier": resident.tier,
                "role": resident.role,
                "school_class": resident.school_class,
                "partner": partner if resident.tier == Tier.EXTERNAL else None,
            },
        )
        memberships.append(membership)
    return memberships
