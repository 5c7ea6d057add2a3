"""A visitor uses the events calendar and the project event generator with the keyboard alone."""

import re

import pytest

from tests.browser.test_landing import VIEWPORTS, focused

pytestmark = pytest.mark.browser


def tab_to(page, predicate, limit=80) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if predicate(state):
            return state
    raise AssertionError("the element was not reached by keyboard")


def test_month_calendar_is_browsed_by_keyboard(browser, site_server, demo_site, screenshots):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + "/events/calendar/")
    page.screenshot(path=screenshots / "events-calendar.png", full_page=True)
    current = page.locator("h1").inner_text()

    state = tab_to(page, lambda s: (s["href"] or "").count("/calendar/") and s["text"].endswith("→"))
    assert state["outline"] != "none", "focus must be visible"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() != current

    page.goto(site_server.url + "/events/calendar/")
    tab_to(page, lambda s: re.fullmatch(r"/events/\d+/", s["href"] or "") is not None)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Добавить в календарь" in page.content()
    context.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_generator_plans_an_event_and_downloads_its_programme(browser, site_server, demo_site, screenshots, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="ru-RU", accept_downloads=True)
    page = context.new_page()
    page.goto(site_server.url + "/generator/")
    page.select_option("#id_event_format", "case-tournament")
    page.fill("#id_topic", "Школьный двор будущего")
    page.fill("#id_duration", "97")
    page.fill("#id_participants", "23")
    page.focus("#id_participants")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#programme-title").inner_text() == "Кейс-турнир: Школьный двор будущего"
    assert page.locator(".programme__agenda tbody tr").count() == 4
    assert page.locator(".programme__agenda tfoot td").first.inner_text() == "97"
    no_horizontal_scroll = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert no_horizontal_scroll, "the layout overflows horizontally"
    page.screenshot(path=screenshots / f"events-generator-{viewport}.png", full_page=True)

    tab_to(page, lambda s: "/generator/ical/" in (s["href"] or ""))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    content = open(download.value.path(), encoding="utf-8").read()
    assert content.startswith("BEGIN:VCALENDAR") and "Школьный двор будущего" in content.replace("\r\n ", "")
    assert "Войдите" in page.content()
    context.close()
