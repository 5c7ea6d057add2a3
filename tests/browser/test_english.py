"""A reader switches a solution of the bank to English with the keyboard alone."""

import pytest
from wagtail.models import Locale

from bank.models import SolutionPage

pytestmark = pytest.mark.browser


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {hreflang: el.getAttribute('hreflang'), href: el.getAttribute('href')};
        }"""
    )


def test_a_solution_switches_to_its_english_version_by_keyboard(browser, site_server, demo_site, screenshots):
    solution = SolutionPage.objects.filter(locale__language_code="ru").live().order_by("path").first()
    english = solution.get_translation(Locale.objects.get(language_code="en"))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + solution.url)
    for _ in range(60):
        page.keyboard.press("Tab")
        if focused(page)["hreflang"] == "en":
            break
    else:
        raise AssertionError("the language switch is not reached by Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{english.url}")
    page.screenshot(path=screenshots / "solution-english.png", full_page=True)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().strip() == english.title
    # And back: the switch on the English page leads to the Russian solution.
    assert page.locator('a[hreflang="ru"]').first.get_attribute("href") == solution.url
    context.close()
