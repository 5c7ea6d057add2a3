"""One project end to end, in Chromium: a student starts it and adds a teammate; the tutor approves the
plan; the team posts to the journal and uploads an artefact; the tutor makes a teacher the project's
consultant in its settings, books a meeting with them from the project and plans the defence; the tutor
proposes the project to the bank; an editor approves it in the Wagtail admin's moderation workflow, which
publishes it; the bank's search finds it by another form of its words."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from bank.models import SolutionBankPage, SolutionPage
from meetings.models import Booking
from projects.models import Project

pytestmark = pytest.mark.browser
TITLE = "Гидропонная ферма лицея"


def signed_in(browser, site_server, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    return context.new_page()


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def test_one_project_from_the_idea_to_the_bank(browser, site_server, demo_site, screenshots, mailoutbox):
    student = signed_in(browser, site_server, "demo-student")
    student.goto(site_server.url + "/account/")
    submit(student, "text=Мои проекты")
    submit(student, "a.button:has-text('Начать проект')")
    student.fill("#id_title", TITLE)
    student.fill("#id_summary", "Салат и зелень для столовой круглый год без почвы.")
    student.select_option("#id_tutor", label="Анна Крылова")
    submit(student, "form.projects-form button[type=submit]")
    assert student.locator("h1").inner_text() == TITLE
    project = Project.objects.get(title=TITLE)

    submit(student, "a:has-text('Добавить участника')")
    student.select_option("#id_member-user", label="Анна К., 9Б")
    student.fill("#id_member-role", "дизайнер")
    submit(student, "button:has-text('Добавить в команду')")
    assert "Анна К." in student.locator("#project-team").inner_text()
    submit(student, "button:has-text('Перейти к стадии «планирование»')")

    tutor = signed_in(browser, site_server, "demo-project-krylova")
    tutor.goto(site_server.url + "/projects/tutor/")
    submit(tutor, f"text={TITLE}")
    submit(tutor, "button:has-text('Одобрить переход')")
    assert tutor.locator("#project-stage").inner_text() == "планирование"

    student.goto(site_server.url + f"/projects/{project.pk}/")
    student.select_option("#id_post-kind", "question")
    student.fill("#id_post-text", "Какие лампы взять для досветки?")
    submit(student, "button:has-text('Опубликовать в журнале')")
    student.click("summary:has-text('Добавить материал')")
    student.select_option("#id_artefact-kind", "document")
    student.fill("#id_artefact-title", "План работ")
    student.set_input_files(
        "#id_artefact-file",
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 plan"}],
    )
    submit(student, "button:has-text('Загрузить')")
    assert "План работ" in student.locator("main").inner_text()
    student.screenshot(path=screenshots / "projects-project-page.png", full_page=True)

    tutor.goto(site_server.url + f"/projects/{project.pk}/")
    submit(tutor, "text=Настройки проекта")
    tutor.locator("#id_settings-consultants").get_by_label("Михаил Соболев").check()
    submit(tutor, "button:has-text('Сохранить настройки')")
    assert "Михаил Соболев" in tutor.locator(".projects-facts").inner_text()
    submit(tutor, "text=Записаться на встречу: Кабинет руководителя проектов")
    tutor.locator("input[name=slot]").first.check()
    submit(tutor, "button:has-text('Записаться')")
    assert Booking.objects.filter(
        resident__username="demo-project-krylova", room__host__user__username="demo-project-sobolev"
    ).exists()

    tutor.goto(site_server.url + f"/projects/{project.pk}/")
    tutor.fill("form[action$='do/answer/" + str(project.posts.get().pk) + "/'] textarea", "Светодиодные, 6500 K.")
    submit(tutor, f"form[action$='do/answer/{project.posts.get().pk}/'] button")
    tutor.click("summary:has-text('Спланировать защиту')")
    tutor.select_option("#defence-format", label="Печа-Куча")
    when = timezone.localtime() + datetime.timedelta(days=14)
    tutor.fill("#defence-start", when.strftime("%Y-%m-%dT15:00"))
    submit(tutor, "form[action$='do/plan-defence/'] button")
    project.refresh_from_db()
    assert project.defence_event is not None and not project.defence_event.live
    for _stage in ("исследование", "создание продукта", "защита"):
        submit(tutor, "button:has-text('Перейти к стадии')")
        submit(tutor, "button:has-text('Одобрить переход')")
    assert tutor.locator("#project-stage").inner_text() == "защита"
    submit(tutor, "button:has-text('Предложить в банк решений')")
    assert "Решение проекта на проверке у редакторов банка." in tutor.locator("main").inner_text()

    solution = SolutionPage.objects.get(title=TITLE)
    assert solution.current_workflow_task is not None and not solution.live
    get_user_model().objects.create_superuser("editor-e2e", "editor@example.org", "x")
    editor = signed_in(browser, site_server, "editor-e2e")
    editor.goto(site_server.url + f"/admin/pages/{solution.pk}/edit/")
    editor.locator("footer [data-w-dropdown-target='toggle']").first.click()
    submit(editor, "button[data-workflow-action-name='approve']")
    solution.refresh_from_db()
    assert solution.live
    student.goto(site_server.url + f"/projects/{project.pk}/")
    assert student.locator("#project-stage").inner_text() == "опубликован"

    visitor = browser.new_context(locale="ru-RU").new_page()
    visitor.goto(
        site_server.url + SolutionBankPage.objects.filter(locale__language_code="ru").get().url + "?q=гидропонные+фермы"
    )
    assert TITLE in visitor.locator(".card__title").all_inner_texts()
    visitor.screenshot(path=screenshots / "projects-found-in-the-bank.png", full_page=True)
