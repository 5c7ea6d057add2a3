"""The English survey: questions and options in English (translated with the page by wagtail-localize), its
answers kept with the Russian survey so that they count together and a resident answers once in either
language; the honeypot and the limit per address hold there too."""

import re

import pytest
from django.test import override_settings
from django.utils.translation import override
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments.extract import extract_segments

from events.models import Event, Registration
from surveys.models import SurveyPage, SurveySubmission
from surveys.selectors import survey_after_event, survey_summary
from tests.surveys.builders import survey

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
ANSWERS = {
    "naskolko_udobno_polzovatsya_kovorkingom": "5",
    "kakimi_razdelami_vy_polzuetes": ["Virtual exhibitions", "Rest room"],
    "kto_vy": "Student",
    "chto_uluchshit": "More reminders",
    "elektronnaya_pochta_dlya_otveta": "",
}


def _feedback(home):
    russian = SurveyPage.objects.child_of(home).get(slug="feedback")
    return russian, russian.get_translation(Locale.objects.get(language_code="en"))


def _form(html: str) -> str:
    return html[html.index('<form class="survey__form"') : html.index("</form>")]


def _once(russian, english):
    SurveyPage.objects.filter(pk__in=[russian.pk, english.pk]).update(one_per_resident=True)


def test_an_english_reader_sees_the_questions_and_options_in_english(client, home):
    russian, english = _feedback(home)
    assert english.url == "/en/feedback/"
    form = _form(client.get(english.url).content.decode())
    for text in [
        "How convenient is the coworking space to use?",
        "1 — very inconvenient, 5 — very convenient.",
        "Which sections do you use?",
        "Virtual exhibitions",
        "Who are you?",
        "Partner&#x27;s representative",
        "Do not write students&#x27; names or contacts here.",
        "Email for a reply",
        "Send answers",
    ]:
        assert text in form, text
    labels = re.sub(r"<[^>]+>", " ", form)
    assert not CYRILLIC.search(labels), CYRILLIC.findall(labels)
    assert "Кто вы?" in client.get(russian.url).content.decode()


def test_questions_keep_their_keys_in_english(home):
    russian, english = _feedback(home)
    keys = [(question.clean_name, question.field_type) for question in russian.get_form_fields()]
    assert [(question.clean_name, question.field_type) for question in english.get_form_fields()] == keys
    assert {question.locale.language_code for question in english.get_form_fields()} == {"en"}


def test_an_english_answer_counts_with_the_russian_ones(admin_client, home):
    russian, english = _feedback(home)
    students_before = dict(next(q for q in survey_summary(survey=russian) if q.label == "Кто вы?").counts)[
        "Обучающийся"
    ]
    total_before = SurveySubmission.objects.filter(page=russian).count()
    response = admin_client.post(english.url, ANSWERS)
    assert response.status_code == 200
    assert "Thank you! The Coworking Council reads every answer" in response.content.decode()

    stored = SurveySubmission.objects.filter(page=russian).latest("pk")
    assert stored.form_data["kto_vy"] == "Обучающийся"
    assert stored.form_data["kakimi_razdelami_vy_polzuetes"] == ["Виртуальные выставки", "Комната отдыха"]
    assert stored.form_data["chto_uluchshit"] == "More reminders"
    assert not SurveySubmission.objects.filter(page=english).exists()

    summary = admin_client.get(f"/admin/surveys/{russian.pk}/summary/").content.decode()
    assert re.search(r"Получен\w* (\d+) ответ", summary).group(1) == str(total_before + 1)
    assert re.search(rf"<td>Обучающийся</td><td>{students_before + 1}</td>", summary)
    assert admin_client.get(f"/admin/surveys/{english.pk}/summary/").url == f"/admin/surveys/{russian.pk}/summary/"
    assert admin_client.get(f"/admin/forms/submissions/{english.pk}/").url == f"/admin/forms/submissions/{russian.pk}/"


def test_a_resident_who_answered_in_russian_is_refused_in_english(client, home, student):
    russian, english = _feedback(home)
    _once(russian, english)
    client.force_login(student)
    assert (
        client.post(russian.url, {**ANSWERS, "kto_vy": "Обучающийся", "kakimi_razdelami_vy_polzuetes": []}).status_code
        == 200
    )
    page = client.get(english.url).content.decode()
    assert "You have already answered this survey. Thank you!" in page and '<form class="survey__form"' not in page
    second = client.post(english.url, ANSWERS)
    assert second.status_code == 409
    assert "You have already answered this survey. Thank you!" in second.content.decode()
    assert SurveySubmission.objects.filter(user=student).count() == 1


def test_a_resident_who_answered_in_english_is_refused_in_russian(client, home, student):
    russian, english = _feedback(home)
    _once(russian, english)
    client.force_login(student)
    assert client.post(english.url, ANSWERS).status_code == 200
    second = client.post(russian.url, {**ANSWERS, "kto_vy": "Педагог", "kakimi_razdelami_vy_polzuetes": []})
    assert second.status_code == 409
    assert "Вы уже ответили на этот опрос. Спасибо!" in second.content.decode()
    assert SurveySubmission.objects.get(user=student).form_data["kto_vy"] == "Обучающийся"


def test_bad_english_answers_get_english_errors(client, home):
    _russian, english = _feedback(home)
    before = SurveySubmission.objects.count()
    response = client.post(
        english.url, {**ANSWERS, "naskolko_udobno_polzovatsya_kovorkingom": "9", "kto_vy": "Обучающийся"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Choose a score from 1 to 5." in html and "Check your answers" in html
    assert SurveySubmission.objects.count() == before


def test_the_honeypot_and_the_limit_per_address_hold_on_the_english_page(client, home):
    _russian, english = _feedback(home)
    before = SurveySubmission.objects.count()
    with override_settings(ANONYMOUS_POST_LIMIT="2/600"):
        assert client.post(english.url, {**ANSWERS, "website": "http://spam.example"}).status_code == 200
        assert SurveySubmission.objects.count() == before
        assert client.post(english.url, ANSWERS).status_code == 200
        refused = client.post(english.url, ANSWERS)
    assert refused.status_code == 429
    assert "Too many submissions from your address" in refused.content.decode()
    assert SurveySubmission.objects.count() == before + 1


def test_the_api_gives_the_english_questions_and_takes_english_answers(client, home):
    russian, english = _feedback(home)
    listed = client.get("/api/v3/surveys/", HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert english.pk in [item["id"] for item in listed] and russian.pk not in [item["id"] for item in listed]
    detail = client.get(f"/api/v3/surveys/{english.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    russian_keys = [question["key"] for question in client.get(f"/api/v3/surveys/{russian.pk}/").json()["questions"]]
    assert [question["key"] for question in detail["questions"]] == russian_keys
    who = next(question for question in detail["questions"] if question["key"] == "kto_vy")
    assert (who["label"], who["choices"]) == (
        "Who are you?",
        ["Student", "Parent", "Teacher", "Partner's representative", "Other"],
    )
    answers = {"naskolko_udobno_polzovatsya_kovorkingom": 4, "kto_vy": "Teacher"}
    posted = client.post(
        f"/api/v3/surveys/{english.pk}/submissions/",
        {"answers": answers},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert posted.status_code == 201, posted.content
    assert SurveySubmission.objects.filter(page=russian).latest("pk").form_data["kto_vy"] == "Педагог"


def test_wagtail_localize_offers_each_question_for_translation(empty_home):
    page = survey(
        empty_home,
        questions=[
            {
                "label": "Что понравилось?",
                "field_type": "radio",
                "choices": "Доклады\nОбщение",
                "help_text": "Один вариант.",
            },
        ],
    )
    strings = {segment.string.data for segment in extract_segments(page) if hasattr(segment, "string")}
    assert {"Что понравилось?", "Один вариант.", "Доклады", "Общение"} <= strings
    assert "chto_ponravilos" not in strings  # the key is the same in every language, not translated


def test_a_translation_made_in_wagtail_localize_keeps_the_keys_and_pairs_the_options(
    client, admin_user, empty_home, django_capture_on_commit_callbacks
):
    page = survey(
        empty_home,
        questions=[{"label": "Что понравилось?", "field_type": "radio", "choices": "Доклады\nОбщение"}],
    )
    english = Locale.objects.get_or_create(language_code="en")[0]
    source, _created = TranslationSource.get_or_create_from_instance(page)
    english_of = {"Что понравилось?": "What did you like?", "Доклады": "Talks", "Общение": "Meeting people"}
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        english_text = english_of.get(segment.string.data, segment.string.data)
        StringTranslation.objects.create(
            translation_of=segment.string, locale=english, context=segment.context, data=english_text
        )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once committed
        translation, _created = source.create_or_update_translation(english, copy_parent_pages=True)
    question = translation.get_form_fields().get()
    assert (question.label, question.choices) == ("What did you like?", "Talks\nMeeting people")
    assert (question.clean_name, question.locale) == ("chto_ponravilos", english)
    assert question.translation_key == page.get_form_fields().get().translation_key

    translation.refresh_from_db()
    assert translation.live
    assert client.post(translation.url, {"chto_ponravilos": "Meeting people"}).status_code == 200
    assert SurveySubmission.objects.get(page=page).form_data == {"chto_ponravilos": "Общение"}

    client.force_login(admin_user)
    editor = client.get(f"/admin/pages/{translation.pk}/edit/")
    assert editor.status_code == 200
    assert "Meeting people" in editor.content.decode()  # each option is a string of the translation editor


def test_a_participant_reading_in_english_is_led_to_the_english_survey(home, student):
    hackathon = SurveyPage.objects.child_of(home).get(slug="hackathon-feedback")
    event = Event.objects.get(survey=hackathon)
    Registration.objects.create(event=event, user=student)
    with override("en"):
        assert survey_after_event(event=event, user=student).url == "/en/hackathon-feedback/"
    with override("ru"):
        assert survey_after_event(event=event, user=student).url == "/hackathon-feedback/"
