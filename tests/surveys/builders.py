"""Surveys built as editors build them (a revision, then publish), for the tests and the access channels."""

import uuid
from datetime import timedelta

from django.utils import timezone

from events.models import Event, EventIndexPage, Registration
from surveys.models import SurveyField, SurveyPage

QUESTIONS = [
    {"label": "Насколько полезным было событие?", "field_type": "scale"},
    {"label": "Что понравилось больше всего?", "field_type": "radio", "choices": "Доклады\nРабота в группах\nОбщение"},
    {"label": "Что улучшить?", "field_type": "multiline", "required": False},
]


def survey(home, *, title: str = "Обратная связь", audience: str = "everyone", questions=QUESTIONS, **fields):
    page = SurveyPage(title=title, slug=f"survey-{uuid.uuid4().hex[:8]}", audience=audience, **fields)
    page.form_fields = [SurveyField(**question) for question in questions]
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def answers(**overrides) -> dict:
    data = {
        "naskolko_poleznym_bylo_sobytie": "5",
        "chto_ponravilos_bolshe_vsego": "Доклады",
        "chto_uluchshit": "",
    }
    data.update(overrides)
    return data


def past_event(home, *, survey=None, participants=(), audience: str = "everyone", days_ago: int = 2):
    """An event that ended `days_ago` days ago, with the events page in place and these users registered."""
    if not EventIndexPage.objects.child_of(home).exists():
        index = home.add_child(instance=EventIndexPage(title="События", slug="events"))
        index.save_revision().publish()
    start = timezone.now() - timedelta(days=days_ago)
    event = Event.objects.create(
        title="Хакатон «Школьный двор»",
        start=start,
        end=start + timedelta(hours=3),
        audience=audience,
        registration_required=True,
        survey=survey,
        live=True,
    )
    for user in participants:
        Registration.objects.create(event=event, user=user)
    return event


def event_url(event) -> str:
    return f"{EventIndexPage.objects.live().first().url}{event.pk}/"
