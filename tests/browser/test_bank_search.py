"""A visitor searches the bank in a browser: suggestions while typing, results after Enter."""

import pytest

from tests.bank.conftest import bank, make_solution  # noqa: F401 (the bank fixture)

pytestmark = pytest.mark.browser


def test_titles_are_suggested_while_typing_and_enter_searches(browser, site_server, bank, screenshots):  # noqa: F811
    make_solution(bank, title="Умная теплица", text="Датчики влажности и полив")
    make_solution(bank, title="Метеостанция", text="Датчики давления")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    page = context.new_page()
    page.goto(site_server.url + bank.url)
    page.focus("#bank-q")
    page.keyboard.type("тепл")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#bank-suggestions option')].some(o => o.value === 'Умная теплица')"
    )
    page.fill("#bank-q", "Умная теплица")  # the visitor picks the suggestion
    page.keyboard.press("Enter")
    page.wait_for_url("**q=*")
    page.screenshot(path=screenshots / "bank-search.png", full_page=True)
    assert page.locator(".card__title").all_inner_texts() == ["Умная теплица"]
    assert page.locator("mark").count() >= 1
    context.close()
