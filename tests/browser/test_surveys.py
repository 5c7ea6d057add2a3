"""An editor builds a survey in the admin and attaches it to a past event; a participant answers it from the
event's page; the editor reads the summary with the response rate."""

import pytest
from django.test import Client

from surveys.models import SurveyPage, SurveySubmission
from tests.access.users import internal
from tests.surveys.builders import event_url, past_event

pytestmark = pytest.mark.browser


def signed_in_context(browser, site_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    return context


def click_hidden(page, selector: str) -> None:
    """Clicks a button that Wagtail keeps in a dropdown (e.g. «Опубликовать» under the save button)."""
    with page.expect_navigation():
        page.evaluate(f"document.querySelector('{selector}').click()")


def choose_page(page, field: str, chosen) -> None:
    """Chooses a page in Wagtail's page chooser as an editor does: the button opens the modal (at the pages
    of the field's type), a click on the page's title chooses it and closes the modal."""
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").locator("visible=true").first.click()
    link = page.locator(f'.modal a.choose-page[data-id="{chosen.pk}"]')
    link.wait_for(state="visible")
    link.click()
    page.locator(".modal").wait_for(state="hidden")
    assert page.locator(f"#id_{field}-chooser [data-chooser-title]").inner_text().strip() == chosen.title
    assert page.input_value(f"#id_{field}") == str(chosen.pk)


def add_question(page, number: int, label: str, field_type: str, choices: str = "") -> None:
    page.click("#id_form_fields-ADD")
    page.fill(f"#id_form_fields-{number}-label", label)
    page.select_option(f"#id_form_fields-{number}-field_type", field_type)
    if choices:
        page.fill(f"#id_form_fields-{number}-choices", choices)


def test_an_editor_builds_a_survey_a_participant_answers_and_the_editor_reads_the_summary(
    browser, site_server, empty_home, django_user_model, screenshots
):
    editor = django_user_model.objects.create_superuser("methodologist", "m@example.org", "password")
    participant = internal("hackathon-participant")
    event = past_event(empty_home, participants=[participant])

    admin = signed_in_context(browser, site_server, editor).new_page()
    admin.goto(f"{site_server.url}/admin/pages/add/surveys/surveypage/{empty_home.pk}/")
    admin.fill("#id_title", "Опрос участников хакатона")
    add_question(admin, 0, "Насколько полезным был хакатон?", "scale")
    add_question(admin, 1, "Что было самым ценным?", "radio", "Работа в командах\nОбщение с экспертами")
    admin.screenshot(path=screenshots / "surveys-admin-build.png", full_page=True)
    click_hidden(admin, 'button[name="action-publish"]')
    survey = SurveyPage.objects.get(title="Опрос участников хакатона")
    assert survey.live and [field.field_type for field in survey.get_form_fields()] == ["scale", "radio"]

    admin.goto(f"{site_server.url}/admin/snippets/events/event/edit/{event.pk}/")
    choose_page(admin, "survey", survey)
    click_hidden(admin, 'button[name="action-publish"]')
    event.refresh_from_db()
    assert event.survey_id == survey.pk

    visitor = signed_in_context(browser, site_server, participant).new_page()
    visitor.goto(site_server.url + event_url(event))
    with visitor.expect_navigation():
        visitor.click("text=Пройти опрос «Опрос участников хакатона»")
    visitor.check('input[name="naskolko_poleznym_byl_khakaton"][value="4"]')
    visitor.check('input[name="chto_bylo_samym_tsennym"][value="Общение с экспертами"]')
    visitor.screenshot(path=screenshots / "surveys-answer.png", full_page=True)
    with visitor.expect_navigation():
        visitor.click("text=Отправить ответы")
    assert "Спасибо! Ваши ответы получены." in visitor.content()
    assert SurveySubmission.objects.get(page=survey).user == participant

    admin.goto(f"{site_server.url}/admin/forms/submissions/{survey.pk}/")
    with admin.expect_navigation():
        admin.click("text=Сводка по вопросам")
    summary = admin.locator("main").inner_text()
    admin.screenshot(path=screenshots / "surveys-summary.png", full_page=True)
    assert "Ответил 1 человек; среднее: 4" in summary
    assert "Хакатон «Школьный двор»" in summary and "100%" in summary
    assert "hackathon-participant" not in summary and "Обучающийся" not in summary
