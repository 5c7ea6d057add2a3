"""Done when: a visitor walks an exhibition from its first exhibit to its last using only the keyboard."""

import pytest

from exhibitions.models import ExhibitionPage
from exhibitions.selectors import exhibit_sequence, exhibition_halls

pytestmark = pytest.mark.browser

FOCUSED = """() => {
    const el = document.activeElement;
    return {text: (el.innerText || '').trim(), href: el.getAttribute('href'), rel: el.getAttribute('rel'),
            inDialog: !!el.closest('dialog'), outline: getComputedStyle(el).outlineStyle};
}"""


def tab_to(page, matches, limit: int = 60) -> dict:
    """Presses Tab until the focused element matches; fails when it never comes."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUSED)
        if matches(state):
            return state
    raise AssertionError("the element was not reached by Tab")


def heading(page) -> str:
    return page.locator("h1").inner_text()


def test_visitor_walks_an_exhibition_from_first_to_last_exhibit_by_keyboard(
    browser, site_server, demo_site, screenshots
):
    exhibition = ExhibitionPage.objects.filter(locale__language_code="ru").get(slug="economy-around-us")
    titles = [exhibit.title for exhibit in exhibit_sequence(halls=exhibition_halls(page=exhibition))]
    assert len(titles) >= 12

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + exhibition.url)

    start = tab_to(page, lambda state: state["text"] == "Начать осмотр с первого экспоната")
    assert start["outline"] != "none", "focus must be visible"
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.keyboard.press("Enter")
    visited = [heading(page)]

    # The first step follows the "next" link with Tab and Enter, the others use the arrow key.
    tab_to(page, lambda state: state["rel"] == "next")
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.keyboard.press("Enter")
    visited.append(heading(page))
    while page.locator('a[rel="next"]').count():
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.keyboard.press("ArrowRight")
        visited.append(heading(page))
        assert len(visited) <= len(titles), "the walk must end at the last exhibit"
    assert visited == titles
    assert page.locator('a[rel="prev"]').count() == 1
    page.screenshot(path=screenshots / "exhibition-last-exhibit.png", full_page=True)

    with page.expect_navigation(wait_until="domcontentloaded"):
        page.keyboard.press("ArrowLeft")
    assert heading(page) == titles[-2]
    context.close()


def test_exhibition_and_exhibit_pages_fit_a_phone(browser, site_server, demo_site, screenshots):
    exhibition = ExhibitionPage.objects.filter(locale__language_code="ru").get(slug="economy-around-us")
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + exhibition.url)
    page.screenshot(path=screenshots / "exhibition-phone.png", full_page=True)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.goto(site_server.url + page.locator("a.button").get_attribute("href"), wait_until="domcontentloaded")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_lightbox_opens_by_keyboard_traps_focus_and_closes_with_escape(browser, site_server, demo_site, screenshots):
    exhibition = ExhibitionPage.objects.filter(locale__language_code="ru").get(slug="economy-around-us")
    titles = [exhibit.title for exhibit in exhibit_sequence(halls=exhibition_halls(page=exhibition))]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + exhibition.url)
    dialog = page.locator("dialog[data-lightbox]")

    opener = tab_to(page, lambda state: "/exhibit/" in (state["href"] or "") and titles[0] in state["text"])
    assert "Начать осмотр" not in opener["text"]
    page.keyboard.press("Enter")
    assert dialog.evaluate("d => d.open")
    assert page.evaluate(FOCUSED)["inDialog"]
    assert dialog.locator("[data-lightbox-title]").inner_text() == titles[0]
    page.screenshot(path=screenshots / "exhibition-lightbox.png")

    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert dialog.locator("[data-lightbox-title]").inner_text() == titles[2]
    page.keyboard.press("ArrowLeft")
    assert dialog.locator("[data-lightbox-title]").inner_text() == titles[1]
    assert "2 из" in dialog.locator("[data-lightbox-counter]").inner_text()

    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate(FOCUSED)["inDialog"], "Tab must stay inside the open lightbox"
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUSED)["inDialog"], "Shift+Tab must stay inside the open lightbox"

    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    returned = page.evaluate(FOCUSED)
    assert returned["href"] == opener["href"], "focus goes back to the exhibit that opened the lightbox"
    context.close()
