"""A reader switches a solution of the bank to English with the keyboard alone."""

import pytest
from django.test import Client
from wagtail.models import Locale

from bank.models import SolutionPage
from pages.models import StandardPage

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


def test_the_translation_editor_speaks_the_admins_language(browser, site_server, home, django_user_model):
    """wagtail-localize's editor of a page being translated labels its "More actions" button in Russian."""
    page = home.add_child(instance=StandardPage(title="Расписание консультаций", slug="consultations"))
    page.save_revision().publish()
    editor = django_user_model.objects.create_superuser("translator", "translator@example.org", "x")
    client = Client()
    client.force_login(editor)
    english = Locale.objects.get(language_code="en")
    client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]})
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    tab = context.new_page()
    tab.goto(f"{site_server.url}/admin/pages/{page.get_translation(english).pk}/edit/")
    toggle = tab.locator(".js-translation-editor .w-dropdown__toggle .w-sr-only").first
    toggle.wait_for(state="attached")
    assert toggle.text_content() == "Ещё действия"
    assert "More actions" not in tab.locator("body").text_content()
    context.close()
