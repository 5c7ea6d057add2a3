"""Fixtures of the online platform: the event pages under a bare home, the demo formats, events, users."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import APIToken

from events.demo.loader import ensure_event_workflow, ensure_formats
from events.models import EVENT_TIME_ZONE, Event, EventGeneratorPage, EventIndexPage


def quiet(line: str) -> None:
    """Demo builders report progress; tests do not need it."""


@pytest.fixture
def formats(db):
    return ensure_formats(report=quiet)


@pytest.fixture
def event_index(empty_home) -> EventIndexPage:
    page = empty_home.add_child(instance=EventIndexPage(title="События", slug="events"))
    page.save_revision().publish()
    return page


@pytest.fixture
def generator_page(empty_home, formats) -> EventGeneratorPage:
    page = empty_home.add_child(instance=EventGeneratorPage(title="Генератор проектных событий", slug="generator"))
    page.save_revision().publish()
    return page


@pytest.fixture
def workflow(db):
    return ensure_event_workflow(report=quiet)


def moscow(year, month, day, hour=0, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=EVENT_TIME_ZONE)


def make_event(title="Тематическая сессия", *, starts_in=timedelta(days=3), minutes=90, **fields) -> Event:
    start = fields.pop("start", None) or timezone.now() + starts_in
    fields.setdefault("audience", "everyone")
    fields.setdefault("live", True)
    return Event.objects.create(title=title, start=start, end=start + timedelta(minutes=minutes), **fields)


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("methodist", "methodist@example.org", "password", is_staff=True)


@pytest.fixture
def member(django_user_model):
    """A signed-in user with no membership: sees what is open to everyone."""
    return django_user_model.objects.create_user("guest", "guest@example.org", "password")


def bearer(user) -> dict:
    _, token = APIToken.create_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
