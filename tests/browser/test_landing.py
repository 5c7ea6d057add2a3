"""A visitor on a desktop and on a phone uses the landing with the keyboard alone."""

import pytest

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


MENU_ITEMS = ["О коворкинге", "События", "Выставки", "Банк решений", "Сопровождение"]
MAX_HEADER_HEIGHT = 120  # px at 375 px wide: under a fifth of a 375x667 screen


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {text: (el.innerText || '').trim(), href: el.getAttribute('href'), tag: el.tagName,
                    inMenu: !!el.closest('.main-menu__list'), outline: getComputedStyle(el).outlineStyle};
        }"""
    )


def tab_to(page, text: str, limit: int = 40) -> dict:
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        if state["text"] == text:
            return state
    raise AssertionError(f"{text!r} is not reached by Tab")


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_landing_is_usable_by_keyboard_at_every_width(browser, site_server, demo_site, screenshots, viewport):
    # Without JavaScript: the menu is a disclosure (<details>), always open on wide screens.
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="ru-RU", java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url + "/")
    page.screenshot(path=screenshots / f"landing-{viewport}.png", full_page=True)

    no_horizontal_scroll = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert no_horizontal_scroll, "the layout overflows horizontally"

    page.keyboard.press("Tab")
    first = focused(page)
    assert first["text"] == "Перейти к содержанию"
    assert first["outline"] != "none", "focus must be visible"

    menu = page.locator(".main-menu__list")
    if viewport == "phone":
        header = page.locator(".site-header").bounding_box()["height"]
        assert header <= MAX_HEADER_HEIGHT, f"the header is {header} px tall"
        assert not menu.is_visible(), "the menu is collapsed on a phone"
        toggle = tab_to(page, "Меню")
        assert toggle["tag"] == "SUMMARY" and toggle["outline"] != "none"
        page.keyboard.press("Enter")
        assert menu.is_visible(), "Enter opens the menu"
        page.screenshot(path=screenshots / "landing-phone-menu-open.png")
    else:
        assert menu.is_visible(), "the menu is open on a wide screen"

    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = focused(page)
        if state["inMenu"]:
            reached.append(state["text"])
        if len(reached) == len(MENU_ITEMS):
            break
    assert reached == MENU_ITEMS

    # «О коворкинге» groups the official titles: opened by keyboard, its first page is a Tab away.
    page.locator(".main-menu__group > summary").first.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    first_page = focused(page)
    assert first_page["text"] == "Модель коворкинга"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Модель коворкинга"
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
