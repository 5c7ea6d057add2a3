"""The site's forms: every error has an id that its field's `aria-describedby` names, an error summary at
the top links to the fields and takes the focus (autofocus, no script); after a search in the bank the
results heading takes it."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def described_ids_exist(soup) -> None:
    for control in soup.select("main [aria-describedby]"):
        for target in control["aria-describedby"].split():
            assert soup.find(id=target) is not None, f"{control.get('name')} points at a missing #{target}"


def test_a_failed_login_shows_a_summary_linked_to_the_field_that_takes_the_focus(client, home):
    response = client.post("/account/login/", {"username": "nobody", "password": "wrong"})
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".error-summary")
    assert summary.has_attr("autofocus") and summary["tabindex"] == "-1"
    assert [a["href"] for a in summary.select("a")] == ["#id_username"]
    assert "Неверный логин или пароль" in summary.get_text()
    username = soup.find(id="id_username")
    assert username["aria-invalid"] == "true" and not username.has_attr("autofocus")
    assert soup.find(id=username["aria-describedby"]).get_text(strip=True).startswith("Неверный логин")
    assert len(soup.select("[autofocus]")) == 1
    described_ids_exist(soup)


def test_a_login_page_without_errors_has_no_summary(client, home):
    soup = BeautifulSoup(client.get("/account/login/").content, "html.parser")
    assert soup.select_one(".error-summary") is None
    assert soup.find(id="id_username").has_attr("autofocus")


def test_a_field_error_is_described_by_its_own_id_and_listed_in_the_summary(client, home):
    response = client.post("/account/password-reset/", {"email": "not an address"})
    soup = BeautifulSoup(response.content, "html.parser")
    email = soup.find(id="id_email")
    assert email["aria-invalid"] == "true"
    error = soup.find(id="id_email_error")
    assert error is not None and error.get_text(strip=True)
    assert "id_email_error" in email["aria-describedby"].split()
    assert [a["href"] for a in soup.select(".error-summary a")] == ["#id_email"]
    described_ids_exist(soup)


def test_every_described_by_points_at_an_element_on_the_event_filters(client, home):
    soup = BeautifulSoup(client.get("/events/", {"month": "не месяц"}).content, "html.parser")
    assert soup.select(".error-summary a"), "the bad date is summarised"
    described_ids_exist(soup)


def test_after_a_search_the_bank_s_results_heading_takes_the_focus(client, home):
    plain = BeautifulSoup(client.get("/bank/").content, "html.parser")
    assert not plain.select_one("#bank-results").has_attr("autofocus"), "an unsearched page keeps the focus"
    searched = BeautifulSoup(client.get("/bank/", {"q": "теплица"}).content, "html.parser")
    heading = searched.select_one("#bank-results")
    assert heading.name == "h2" and heading.has_attr("autofocus") and heading["tabindex"] == "-1"
    assert heading.get_text(strip=True).startswith("Найден")
