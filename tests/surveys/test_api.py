"""Surveys through API v3: the questions, and answers under the same rules as the site's form."""

import pytest
from django.test import Client, override_settings
from wagtail.models import APIToken, PageViewRestriction

from surveys.models import SurveySubmission
from tests.surveys.builders import survey

pytestmark = pytest.mark.django_db

GOOD = {
    "naskolko_poleznym_bylo_sobytie": 5,
    "chto_ponravilos_bolshe_vsego": "Доклады",
    "chto_uluchshit": "Больше практики",
}


def _post(client, page, answers, **extra):
    return client.post(
        f"/api/v3/surveys/{page.pk}/submissions/", {"answers": answers}, content_type="application/json", **extra
    )


def _bearer(user) -> dict:
    _token, key = APIToken.create_token(user=user, name="survey app")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_anyone_reads_the_questions_of_an_open_survey(client, open_survey):
    answer = client.get(f"/api/v3/surveys/{open_survey.pk}/").json()
    assert answer["can_answer"] is True and answer["reason"] == ""
    scale, choice, text = answer["questions"]
    assert scale == {
        "key": "naskolko_poleznym_bylo_sobytie",
        "label": "Насколько полезным было событие?",
        "type": "scale",
        "required": True,
        "help_text": "",
        "choices": ["1", "2", "3", "4", "5"],
        "min": 1,
        "max": 5,
        "max_length": None,
    }
    assert choice["choices"] == ["Доклады", "Работа в группах", "Общение"]
    assert text["max_length"] == 4000 and text["required"] is False


def test_an_anonymous_caller_answers_an_open_survey(client, open_survey):
    response = _post(client, open_survey, GOOD)
    assert response.status_code == 201
    assert response.json() == {"message": "Спасибо! Ваши ответы получены."}
    assert SurveySubmission.objects.get().form_data["naskolko_poleznym_bylo_sobytie"] == 5


def test_bad_answers_get_russian_errors_per_question_and_nothing_is_stored(client, open_survey):
    answers = {**GOOD, "naskolko_poleznym_bylo_sobytie": 7, "chto_uluchshit": "я" * 4001, "lishnee": "x"}
    answers.pop("chto_ponravilos_bolshe_vsego")
    response = _post(client, open_survey, answers)
    assert response.status_code == 422
    errors = {error["field"]: error["message"] for error in response.json()["errors"]}
    assert errors == {
        "answers.naskolko_poleznym_bylo_sobytie": "Выберите оценку от 1 до 5.",
        "answers.chto_ponravilos_bolshe_vsego": "Требуется заполнить это поле.",
        "answers.chto_uluchshit": "Убедитесь, что это значение содержит не более 4000 символов (сейчас 4001).",
        "answers.lishnee": "В опросе нет такого вопроса.",
    }
    assert not SurveySubmission.objects.exists()


def test_an_empty_body_is_refused_in_russian(client, open_survey):
    response = client.post(f"/api/v3/surveys/{open_survey.pk}/submissions/", {}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "Обязательное поле."


def test_a_survey_for_residents_is_not_found_for_anonymous_callers(client, empty_home):
    closed = survey(empty_home, audience="residents")
    assert client.get(f"/api/v3/surveys/{closed.pk}/").status_code == 404
    assert _post(client, closed, GOOD).status_code == 404
    assert not SurveySubmission.objects.exists()


def test_a_resident_answers_with_a_bearer_token_once(empty_home, student):
    once = survey(empty_home, audience="residents", one_per_resident=True)
    client = Client()
    assert _post(client, once, GOOD, **_bearer(student)).status_code == 201
    second = _post(client, once, GOOD, **_bearer(student))
    assert second.status_code == 409
    assert second.json()["code"] == "already_answered"
    assert second.json()["message"] == "Вы уже ответили на этот опрос. Спасибо!"
    assert SurveySubmission.objects.get().user == student
    assert client.get(f"/api/v3/surveys/{once.pk}/", **_bearer(student)).json()["can_answer"] is False


def test_one_answer_per_resident_needs_a_signed_in_caller(client, empty_home):
    once = survey(empty_home, one_per_resident=True)
    response = _post(client, once, GOOD)
    assert response.status_code == 401 and response.json()["code"] == "not_authenticated"


def test_a_session_answer_needs_the_csrf_token(empty_home, student):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    page = survey(empty_home)
    assert _post(client, page, GOOD).status_code == 403
    assert not SurveySubmission.objects.exists()


@override_settings(ANONYMOUS_POST_LIMIT="1/600")
def test_anonymous_answers_share_the_sites_limit_per_address_and_form(client, open_survey, empty_home):
    """One count per address and form: an answer on the page and one through the API are two posts."""
    assert client.post(open_survey.url, answers_on_page()).status_code == 200
    refused = _post(client, open_survey, GOOD)
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert refused.json()["message"] == "Слишком много отправок с вашего адреса. Подождите несколько минут и повторите."
    assert SurveySubmission.objects.count() == 1
    another_form = survey(empty_home, title="Другая форма")
    assert _post(client, another_form, GOOD).status_code == 201
    assert _post(client, open_survey, GOOD, REMOTE_ADDR="10.0.0.9").status_code == 201


@override_settings(ANONYMOUS_POST_LIMIT="1/600")
def test_the_api_alone_is_limited_like_the_page(client, open_survey):
    assert _post(client, open_survey, GOOD).status_code == 201
    assert _post(client, open_survey, GOOD).status_code == 429
    assert SurveySubmission.objects.count() == 1


def answers_on_page() -> dict:
    return {"naskolko_poleznym_bylo_sobytie": "4", "chto_ponravilos_bolshe_vsego": "Общение"}


def test_the_list_shows_only_the_surveys_the_caller_may_open(client, empty_home, student):
    survey(empty_home, title="Открытая форма")
    survey(empty_home, title="Для внутренних", audience="internal")
    assert [item["title"] for item in client.get("/api/v3/surveys/").json()["items"]] == ["Открытая форма"]
    titles = [item["title"] for item in client.get("/api/v3/surveys/", **_bearer(student)).json()["items"]]
    assert titles == ["Открытая форма", "Для внутренних"]


def test_a_survey_behind_a_password_is_not_found_through_the_api(client, open_survey):
    PageViewRestriction.objects.create(page=open_survey, restriction_type="password", password="секрет")
    assert client.get(f"/api/v3/surveys/{open_survey.pk}/").status_code == 404
    assert _post(client, open_survey, GOOD).status_code == 404
    assert client.get("/api/v3/surveys/").json()["items"] == []
