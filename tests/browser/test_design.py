"""The design at phone widths, in the normal and the low-vision version (real cookies of each colour scheme);
the error summary after a bad login; axe-core finds no moderate, serious or critical violation at 375 px.
tests/browser/test_every_page.py checks every page type at 1280 and 320 px and every low-vision setting."""

from pathlib import Path

import pytest

from bank.models import SolutionPage
from events.models import Event
from tests.browser.test_landing import focused

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
WIDTHS = (375, 320)
LOW_VISION = ("large-bw-off-normal", "xlarge-wb-on-wider", "normal-blue-off-wide")


def event_url() -> str:
    event = Event.objects.filter(live=True, audience="everyone").order_by("start").first()
    return f"/events/{event.pk}/"


def solution_url() -> str:
    return SolutionPage.objects.live().filter(audience="everyone").order_by("path").first().url


def pages_to_check() -> dict[str, str]:
    return {
        "landing": "/",
        "standard": "/regulations/",
        "bank": "/bank/",
        "solution": solution_url(),
        "event": event_url(),
    }


def overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def serious_violations(page) -> list[str]:
    """axe-core's moderate, serious and critical violations on the loaded page."""
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations.filter(v => ['moderate', 'serious', 'critical'].includes(v.impact))
                .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
        }"""
    )
    return result


def low_vision_cookie(site_server, value: str) -> list[dict]:
    return [{"name": "low_vision", "value": value, "url": site_server.url}]


def test_no_page_overflows_at_phone_widths(browser, site_server, demo_site, screenshots):
    urls = pages_to_check()
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 740}, locale="ru-RU")
        page = context.new_page()
        for name, url in urls.items():
            page.goto(site_server.url + url)
            assert overflow(page) <= 0, f"{name} at {width} px overflows by {overflow(page)} px"
            page.screenshot(path=screenshots / f"design-{name}-{width}.png", full_page=True)
            if name == "solution":  # the solution's facts are a styled list of label and value rows
                facts = page.locator(".solution__facts")
                assert facts.evaluate("el => getComputedStyle(el).display") == "grid"
                assert facts.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
        context.close()


@pytest.mark.parametrize("setting", LOW_VISION)
def test_the_low_vision_version_never_overflows_at_phone_widths(browser, site_server, demo_site, screenshots, setting):
    urls = pages_to_check()
    for width in WIDTHS[1:]:  # 320 px: the narrowest (test_every_page switches every setting on every page type)
        context = browser.new_context(viewport={"width": width, "height": 740}, locale="ru-RU")
        context.add_cookies(low_vision_cookie(site_server, setting))
        page = context.new_page()
        for name, url in urls.items():
            page.goto(site_server.url + url)
            assert "low-vision" in page.evaluate("() => document.documentElement.className")
            assert overflow(page) <= 0, f"{name} at {width} px in {setting} overflows by {overflow(page)} px"
        page.goto(site_server.url + "/")
        page.screenshot(path=screenshots / f"low-vision-{setting}-{width}.png", full_page=True)
        context.close()


def test_the_low_vision_panel_is_used_by_keyboard_without_javascript(browser, site_server, demo_site, screenshots):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "/regulations/")
    page.get_by_role("link", name="Для слабовидящих").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator(".lv-panel__toggle").focus()
    page.keyboard.press("Enter")
    page.get_by_role("radio", name="Очень крупный").focus()
    page.keyboard.press("Space")
    page.get_by_role("radio", name="Тёмно-синим по голубому").focus()
    page.keyboard.press("Space")
    page.screenshot(path=screenshots / "low-vision-panel-375.png")
    page.get_by_role("button", name="Применить").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/regulations/"), "the reader stays on the page"
    classes = page.evaluate("() => document.documentElement.className").split()
    assert {"lv-size-xlarge", "lv-scheme-blue"} <= set(classes)
    size = page.evaluate("() => parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size == 32, "very large type is twice the normal size"
    colours = page.evaluate(
        "() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(6, 52, 98)", "rgb(157, 209, 255)"]
    assert overflow(page) <= 0
    context.close()


def test_a_bad_login_moves_the_focus_to_an_error_summary_linked_to_the_field(
    browser, site_server, demo_site, screenshots
):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="ru-RU", bypass_csp=True)
    page = context.new_page()
    page.goto(site_server.url + "/account/login/")
    page.fill("#id_username", "nobody")
    page.fill("#id_password", "wrong")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.evaluate("() => document.activeElement.matches('.error-summary')")
    assert summary, "the summary takes the focus"
    page.screenshot(path=screenshots / "login-error-summary-375.png", full_page=True)
    page.keyboard.press("Tab")
    assert focused(page)["href"] == "#id_username"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_username", "the link leads to the field"
    height = page.locator("#id_username").bounding_box()["height"]
    assert height >= 44, f"the field is {height} px tall"
    assert page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('#id_username')).fontSize)") >= 16
    assert serious_violations(page) == []
    context.close()


def test_after_a_bank_search_the_focus_is_on_the_results_heading(browser, site_server, demo_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "/bank/")
    page.fill("#bank-q", "теплица")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    state = page.evaluate("() => [document.activeElement.id, document.activeElement.tagName]")
    assert state == ["bank-results", "H2"]
    assert page.locator("#bank-q").bounding_box()["height"] >= 44
    context.close()


@pytest.mark.parametrize("width", [375])  # at 1280 px test_every_page runs axe on every page type
def test_axe_finds_no_serious_or_critical_violation(browser, site_server, demo_site, width):
    urls = {**pages_to_check(), "login": "/account/login/"}
    # axe is injected as a script: the page's CSP (script-src 'self') is bypassed for it alone.
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="ru-RU", bypass_csp=True)
    page = context.new_page()
    found = {}
    for name, url in urls.items():
        page.goto(site_server.url + url)
        found[name] = serious_violations(page)
    context.add_cookies(low_vision_cookie(site_server, "large-bw-off-normal"))
    for name in ("landing", "standard"):
        page.goto(site_server.url + urls[name])
        found[f"{name} (low vision)"] = serious_violations(page)
    context.close()
    assert {name: violations for name, violations in found.items() if violations} == {}
