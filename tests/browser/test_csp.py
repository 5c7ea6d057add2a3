"""The site's pages, the Wagtail admin (its explorer and the page editor) and the API docs work under the
Content-Security-Policy: Chromium reports no violation, and their scripts run."""

import pytest
from django.test import Client

from pages.models import StandardPage

pytestmark = pytest.mark.browser


def test_site_admin_and_api_docs_work_under_the_content_security_policy(
    browser, site_server, empty_home, django_user_model, screenshots
):
    page_model = empty_home.add_child(instance=StandardPage(title="Положение о коворкинге", slug="polozhenie"))
    page_model.save_revision().publish()
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client = Client()
    client.force_login(editor)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    page = context.new_page()
    violations = []

    def record(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", record)

    page.goto(site_server.url + page_model.url)
    assert page.locator("h1").first.inner_text() == "Положение о коворкинге"

    page.goto(f"{site_server.url}/admin/pages/{empty_home.pk}/")
    page.wait_for_selector("text=Положение о коворкинге")
    page.goto(f"{site_server.url}/admin/pages/{page_model.pk}/edit/")
    page.wait_for_selector("[data-controller~='w-tabs'], .w-tabs", state="attached")
    page.wait_for_function("() => window.wagtail !== undefined")
    page.screenshot(path=str(screenshots / "csp-admin-editor.png"))

    page.goto(f"{site_server.url}/api/v3/docs")
    page.wait_for_selector(".swagger-ui .information-container .title", timeout=20_000)
    page.screenshot(path=str(screenshots / "csp-api-docs.png"))

    assert violations == [], "\n".join(violations)
