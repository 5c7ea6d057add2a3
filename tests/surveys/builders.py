"""Surveys built as editors build them (a revision, then publish), for the tests and the access channels."""

import uuid

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
