"""The demo's online platform: the roadmap's events with materials, upcoming events, formats, pages."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import WorkflowContentType

from events.demo.loader import formats_data
from events.models import EVENT_TIME_ZONE, Event, EventFormat, EventGeneratorPage, EventIndexPage


@pytest.mark.django_db
def test_demo_has_the_events_of_the_roadmap_with_their_materials(demo_site):
    roadmap = {
        date(2023, 3, 23): "Первый хакатон",
        date(2024, 3, 21): "Конференция «Цифровое коворкинг-пространство",
        date(2024, 4, 18): "II хакатон",
        date(2025, 3, 20): "Итоговая конференция",
    }
    for day, title in roadmap.items():
        event = Event.objects.get(title__startswith=title)
        assert event.live and event.local_start.date() == day
        assert event.materials, title
        for block in event.materials:
            assert all(document.file for document in block.value["documents"])


@pytest.mark.django_db
def test_demo_calendar_always_has_upcoming_events(demo_site, client):
    now = timezone.now()
    upcoming = Event.objects.filter(live=True, start__gte=now, start__lte=now + timedelta(days=45))
    assert upcoming.filter(audience="everyone").count() >= 2
    assert upcoming.filter(registration_required=True, capacity__isnull=False).exists()
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    calendar = client.get(f"/events/calendar/{today.year}/{today.month}/").text
    assert "Стендап проектных команд 11 класса" in calendar or "Как выбрать тему проекта" in calendar
    html = client.get("/events/").text
    assert "Мастер-класс «Проектная идея за 90 минут»" in html
    assert "Мастер-класс «Проектная идея за 90 минут»" in client.get("/").text


@pytest.mark.django_db
def test_demo_formats_pages_and_moderation_workflow(demo_site, client):
    russian = {"locale__language_code": "ru"}  # the demo's own rows; each has its English translation
    formats = EventFormat.objects.filter(**russian).values_list("slug", flat=True)
    assert set(formats) == {spec["slug"] for spec in formats_data()}
    assert EventIndexPage.objects.live().filter(**russian).count() == 1
    assert EventGeneratorPage.objects.live().filter(**russian).count() == 1
    link = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(Event))
    assert link.workflow.tasks.count() == 1
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    query = {"event_format": "hackathon", "topic": "Коворкинг", "date": today.isoformat(), "time": "10:00"}
    html = client.get("/generator/", {**query, "duration": 480, "participants": 30}).text
    assert "Хакатон: Коворкинг" in html
