"""Residents' contributions in the browser: a teacher proposes a solution on the site and a moderator finds the
draft waiting in the admin; a resident tells how they reused a solution, counted once the story is published."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from bank.models import ReuseReport, SolutionPage
from residents.roles import Role
from tests.access.users import internal, make_user
from tests.bank.conftest import bank, make_solution  # noqa: F401 (the `bank` fixture)

pytestmark = pytest.mark.browser


def signed_in_page(browser, site_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    return context.new_page()


def test_a_teacher_proposes_a_solution_and_a_moderator_sees_the_draft_in_moderation(
    browser,
    site_server,
    bank,  # noqa: F811 (the fixture imported above)
    screenshots,
):
    teacher = internal("proposing-teacher", Role.TEACHER)
    page = signed_in_page(browser, site_server, teacher)
    page.goto(site_server.url + bank.url)
    with page.expect_navigation():
        page.get_by_role("link", name="Предложить решение").click()
    page.get_by_label("Название", exact=True).fill("Школьный огород на крыше")
    page.get_by_label("Кратко", exact=True).fill("Гидропоника для начальной школы.")
    page.get_by_label("Проблема", exact=True).fill("Нет места для опытов с растениями.")
    page.get_by_label("Цель", exact=True).fill("Вырастить зелень для столовой.")
    page.get_by_label("Результат или продукт", exact=True).fill("Три стеллажа и методичка.")
    page.get_by_label("Класс, с", exact=True).fill("3")
    page.get_by_label("Класс, по", exact=True).fill("5")
    page.get_by_label("Тип проекта", exact=True).select_option(label="Коллективный проект")
    page.get_by_label("Биология", exact=True).check()
    page.screenshot(path=screenshots / "bank-propose.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Отправить редакции").click()
    assert "Решение «Школьный огород на крыше» отправлено редакции." in page.content()
    draft = SolutionPage.objects.get(title="Школьный огород на крыше")
    assert not draft.live

    moderator = make_user("bank-moderator")
    moderator.groups.add(Group.objects.get(name="Модераторы"))
    admin = signed_in_page(browser, site_server, moderator)
    admin.goto(site_server.url + "/admin/")
    main = admin.locator("main")
    assert "В ожидании вашего отзыва" in main.inner_text() and "Школьный огород на крыше" in main.inner_text()
    admin.goto(f"{site_server.url}/admin/pages/{bank.pk}/")
    row = admin.locator("tr", has_text="Школьный огород на крыше")
    assert "на модерации" in row.inner_text().lower()
    admin.screenshot(path=screenshots / "bank-moderation.png", full_page=True)


def test_a_resident_reports_reuse_and_it_counts_once_published(browser, site_server, bank, screenshots):  # noqa: F811
    solution = make_solution(bank, title="Метеостанция", text="Датчики и открытые данные")
    page = signed_in_page(browser, site_server, internal("reusing-student"))
    page.goto(site_server.url + solution.url)
    assert "Решение использовали 0 раз." in page.locator("#reuse").inner_text()
    page.get_by_label("Как вы использовали решение").fill("Собрали такую же метеостанцию в 7А.")
    page.get_by_label("Школа или класс").fill("Лицей, 7А")
    with page.expect_navigation():
        page.get_by_role("button", name="Рассказать").click()
    section = page.locator("#reuse").inner_text()
    assert "Спасибо! Ваша история появится на странице после проверки редакцией." in section
    assert "Решение использовали 0 раз." in section  # counted once the editors publish the story
    report = ReuseReport.objects.get(solution=solution)
    assert report.where == "Лицей, 7А"
    report.published = True
    report.save()
    page.reload()
    section = page.locator("#reuse").inner_text()
    assert "Решение использовали 1 раз." in section and "Собрали такую же метеостанцию в 7А." in section
    page.screenshot(path=screenshots / "bank-reuse.png", full_page=True)
