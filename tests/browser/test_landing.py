"""A visitor on a desktop and on a phone uses the landing with the keyboard alone."""

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {text: (el.innerText || '').trim(), href: el.getAttribute('href'),
                    inMenu: !!el.closest('.main-menu'), outline: getComputedStyle(el).outlineStyle};
        }"""
    )


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_landing_is_usable_by_keyboard_at_every_width(browser, site_server, demo_site, screenshots, viewport):
    menu_titles = [page.title for page in demo_site.root_page.get_children().live().in_menu()]
    assert menu_titles

    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + "/")
    page.screenshot(path=screenshots / f"landing-{viewport}.png", full_page=True)

    no_horizontal_scroll = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert no_horizontal_scroll, "the layout overflows horizontally"

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Перейти к содержанию"
    assert first["outline"] != "none", "focus must be visible"

    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = focused(page)
        if state["inMenu"]:
            reached.append(state["text"])
        if len(reached) == len(menu_titles):
            break
    assert reached == menu_titles

    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == menu_titles[-1]
    context.close()


def test_low_vision_version_switches_on_and_off_by_keyboard(browser, site_server, demo_site, screenshots):
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + "/")
    normal_size = page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")

    page.get_by_role("link", name="Версия для слабовидящих").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "low-vision" in page.evaluate("() => document.documentElement.className")
    assert page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)") >= normal_size * 1.4
    assert page.locator("img:visible").count() == 0
    page.screenshot(path=screenshots / "landing-low-vision.png", full_page=True)

    page.goto(site_server.url + "/regulations/")
    assert "low-vision" in page.evaluate("() => document.documentElement.className"), "the choice persists"

    page.get_by_role("link", name="Обычная версия").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "low-vision" not in page.evaluate("() => document.documentElement.className")
    context.close()
