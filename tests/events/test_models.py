"""Rules an editor meets when saving an event, and the landing block's API shape."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from events.models import Event
from tests.events.channels import make_event_item
from tests.events.conftest import moscow


@pytest.mark.django_db
def test_event_must_end_after_it_starts():
    event = Event(title="Сессия", start=moscow(2026, 5, 1, 15), end=moscow(2026, 5, 1, 14))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "Окончание должно быть позже начала." in str(error.value)


@pytest.mark.django_db
def test_capacity_needs_registration():
    event = Event(title="Сессия", start=moscow(2026, 5, 1, 15), end=moscow(2026, 5, 1, 16), capacity=10)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "включите «нужна запись»" in str(error.value)
    event.registration_required = True
    event.full_clean()


@pytest.mark.django_db
def test_public_place_never_reveals_the_online_room():
    event = Event(title="Вебинар", online_url="https://telemost.yandex.ru/j/1", start=moscow(2026, 5, 1, 15))
    event.end = event.start + timedelta(hours=1)
    assert event.place_label == "Онлайн"
    event.location = "Кабинет 214"
    assert event.place_label == "Кабинет 214"


@pytest.mark.django_db
def test_landing_block_lists_visible_upcoming_events_in_api_v2(client, empty_home):
    public = make_event_item(empty_home, "everyone")
    hidden = make_event_item(empty_home, "staff")
    data = client.get(f"/api/v2/pages/{empty_home.pk}/").json()
    (block,) = [block for block in data["body"] if block["type"] == "upcoming_events"]
    titles = [event["title"] for event in block["value"]["items"]]
    assert public.title in titles and hidden.title not in titles
