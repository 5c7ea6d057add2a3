"""The survey page as a visitor uses it: answer, get thanks; bad answers get Russian errors and nothing is
stored; a bot that fills the honeypot stores nothing; one answer per resident where the editor asks."""

import pytest
from django.test import override_settings

from pages.models import HomePage
from surveys.models import SurveyPage, SurveySubmission
from tests.surveys.builders import answers, survey

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_answers_an_open_survey_and_is_thanked(client, open_survey):
    page = client.get(open_survey.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Насколько полезным было событие?" in html and 'value="5"' in html

    response = client.post(open_survey.url, answers())
    assert response.status_code == 200
    assert "Спасибо! Ваши ответы получены." in response.content.decode()
    stored = SurveySubmission.objects.get(page=open_survey)
    assert stored.form_data == {
        "naskolko_poleznym_bylo_sobytie": 5,
        "chto_ponravilos_bolshe_vsego": "Доклады",
        "chto_uluchshit": "",
    }
    assert stored.user is None


def test_a_signed_in_resident_is_recorded_with_the_answer(client, open_survey, student):
    client.force_login(student)
    client.post(open_survey.url, answers())
    assert SurveySubmission.objects.get(page=open_survey).user == student


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"naskolko_poleznym_bylo_sobytie": "6"}, "naskolko_poleznym_bylo_sobytie", "Выберите оценку от 1 до 5."),
        ({"naskolko_poleznym_bylo_sobytie": "0"}, "naskolko_poleznym_bylo_sobytie", "Выберите оценку от 1 до 5."),
        ({"naskolko_poleznym_bylo_sobytie": ""}, "naskolko_poleznym_bylo_sobytie", "Требуется заполнить это поле."),
        ({"chto_ponravilos_bolshe_vsego": "Кофе"}, "chto_ponravilos_bolshe_vsego", "Выберите корректный вариант"),
        ({"chto_uluchshit": "я" * 4001}, "chto_uluchshit", "не более 4000 символов"),
    ],
)
def test_bad_answers_are_refused_in_russian_and_nothing_is_stored(client, open_survey, overrides, field, message):
    response = client.post(open_survey.url, answers(**overrides))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "Проверьте ответы: ошибки отмечены у вопросов." in response.content.decode()
    assert not SurveySubmission.objects.exists()


def test_a_filled_honeypot_is_thanked_but_nothing_is_stored(client, open_survey):
    response = client.post(open_survey.url, answers(website="http://spam.example"))
    assert response.status_code == 200
    assert "Спасибо" in response.content.decode()
    assert not SurveySubmission.objects.exists()


def test_the_honeypot_is_not_stored_with_real_answers(client, open_survey):
    client.post(open_survey.url, answers(website=""))
    assert "website" not in SurveySubmission.objects.get().form_data


@override_settings(ANONYMOUS_POST_LIMIT="2/600")
def test_anonymous_answers_from_one_address_are_limited_by_the_sites_form_post_limit(client, open_survey):
    for _ in range(2):
        assert client.post(open_survey.url, answers()).status_code == 200
    refused = client.post(open_survey.url, answers())
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Слишком много отправок с вашего адреса. Подождите несколько минут" in refused.content.decode()
    assert SurveySubmission.objects.count() == 2
    other_address = client.post(open_survey.url, answers(), REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 200


@override_settings(ANONYMOUS_POST_LIMIT="1/600")
def test_signed_in_residents_are_not_limited_by_the_schools_shared_address(client, open_survey, student):
    client.force_login(student)
    for _ in range(3):
        assert client.post(open_survey.url, answers()).status_code == 200


def test_one_answer_per_resident_asks_anonymous_visitors_to_sign_in(client, empty_home):
    once = survey(empty_home, one_per_resident=True)
    page = client.get(once.url).content.decode()
    assert "Чтобы ответить, войдите на сайт" in page and '<form class="survey__form"' not in page
    assert client.post(once.url, answers()).status_code == 401
    assert not SurveySubmission.objects.exists()


def test_one_answer_per_resident_refuses_a_second_answer(client, empty_home, student):
    once = survey(empty_home, one_per_resident=True)
    client.force_login(student)
    assert client.post(once.url, answers()).status_code == 200
    second = client.post(once.url, answers(naskolko_poleznym_bylo_sobytie="1"))
    assert second.status_code == 409
    assert "Вы уже ответили на этот опрос" in second.content.decode()
    assert SurveySubmission.objects.get().form_data["naskolko_poleznym_bylo_sobytie"] == 5
    assert "Вы уже ответили на этот опрос" in client.get(once.url).content.decode()


def test_editors_get_the_answers_by_email_when_they_ask(client, empty_home, mailoutbox):
    notifying = survey(empty_home, to_address="methodologist@example.org", subject="Новый ответ")
    client.post(notifying.url, answers(website=""))
    assert [message.subject for message in mailoutbox] == ["Новый ответ"]
    assert "Насколько полезным было событие?: 5" in mailoutbox[0].body
    assert "Не заполняйте" not in mailoutbox[0].body


def test_a_survey_for_internal_residents_is_closed_to_a_partner(client, empty_home, partner):
    internal_only = survey(empty_home, audience="internal")
    client.force_login(partner)
    assert client.get(internal_only.url).status_code == 403
    assert client.post(internal_only.url, answers()).status_code == 403
    assert not SurveySubmission.objects.exists()


def test_surveys_live_under_the_home_page_and_have_no_children():
    assert SurveyPage.allowed_parent_page_models() == [HomePage]
    assert SurveyPage.allowed_subpage_models() == []


def test_editors_preview_a_draft_survey_with_its_questions(empty_home):
    draft = survey(empty_home)
    draft.unpublish()
    response = draft.make_preview_request(preview_mode="form")
    response.render()
    assert response.status_code == 200
    assert "Насколько полезным было событие?" in response.content.decode()
    landing = draft.make_preview_request(preview_mode="landing")
    landing.render()
    assert "Спасибо! Ваши ответы получены." in landing.content.decode()
