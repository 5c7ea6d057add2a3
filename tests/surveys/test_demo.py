"""The demo's surveys: a feedback form open to everyone, and a survey attached to a past event with answers."""

import pytest

from events.models import Event
from surveys.models import SurveyPage
from surveys.selectors import survey_summary


@pytest.mark.django_db
def test_the_demo_has_a_feedback_form_anyone_can_answer(client, home):
    feedback = SurveyPage.objects.child_of(home).get(slug="feedback")
    assert feedback.live and feedback.audience == "everyone"
    html = client.get(feedback.url).content.decode()
    assert "Насколько удобно пользоваться коворкингом?" in html and "Отправить ответы" in html


@pytest.mark.django_db
def test_the_demo_hackathon_has_its_survey_with_answers(home):
    hackathon = SurveyPage.objects.child_of(home).get(slug="hackathon-feedback")
    event = Event.objects.get(survey=hackathon)
    assert event.title.startswith("Первый хакатон") and event.live
    assert event.latest_revision.as_object().survey_id == hackathon.pk
    usefulness = next(question for question in survey_summary(survey=hackathon) if question.field_type == "scale")
    assert usefulness.label == "Насколько полезным был хакатон?"
    assert (usefulness.answered, usefulness.average) == (4, 4.25)
