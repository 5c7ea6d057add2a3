"""A teacher logs in, works through a module of the teachers' programme with the keyboard, sees progress."""

import pytest

from residents.models import Membership, Tier
from residents.roles import Role
from support.models import ModuleProgress

pytestmark = pytest.mark.browser


def test_teacher_marks_a_module_done_with_the_keyboard(browser, site_server, demo_site, django_user_model, screenshots):
    teacher = django_user_model.objects.create_user("teacher", "t@example.org", "password")
    Membership.objects.create(user=teacher, tier=Tier.INTERNAL, role=Role.TEACHER)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + "/support/teachers-programme/")
    assert "/account/login/" in page.url
    page.fill("#id_username", "teacher")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/support/teachers-programme/")

    for _ in range(120):
        page.keyboard.press("Tab")
        text = page.evaluate("() => (document.activeElement.innerText || '').trim()")
        if text.startswith("Отметить"):
            break
    else:
        pytest.fail("no module button reachable with Tab")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "focus must be visible"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Пройдено модулей: 1 из 7" in page.content()
    page.screenshot(path=screenshots / "support-programme-progress.png", full_page=True)
    assert ModuleProgress.objects.filter(user__username="teacher").count() == 1
    context.close()
