"""The API's conventions, which every router and both APIs share: who the caller is, the pagination contract,
the error format, date-times, absolute URLs and drafts."""

import re

import pytest
from django.test import Client
from wagtail.models import APIToken

from pages.models import StandardPage
from residents.audiences import Audience
from tests.access.users import internal, suspended

pytestmark = pytest.mark.django_db

OFFSET_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+03:00$")


def add_page(home, number: int, audience: str = Audience.EVERYONE) -> StandardPage:
    page = StandardPage(title=f"Страница {number}", slug=f"page-{number}", audience=audience)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def bearer(user) -> dict:
    _token, key = APIToken.create_token(user=user, name="тест")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.parametrize("prefix", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_list_answers_meta_total_count_and_a_window_of_items_in_a_stable_order(client, empty_home, prefix):
    pages = [add_page(empty_home, number) for number in range(5)]
    first = client.get(prefix, {"type": "pages.StandardPage", "limit": 2}).json()
    rest = client.get(prefix, {"type": "pages.StandardPage", "limit": 2, "offset": 2}).json()
    assert first["meta"]["total_count"] == 5
    assert [item["id"] for item in first["items"] + rest["items"]] == [page.pk for page in pages[:4]]


@pytest.mark.parametrize("prefix", ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/events/", "/api/v3/exhibitions/"])
@pytest.mark.parametrize(
    "name,value", [("limit", "0"), ("limit", "101"), ("limit", "много"), ("offset", "-1"), ("offset", str(2**63))]
)
def test_a_limit_or_offset_out_of_bounds_is_a_422_naming_the_parameter(client, empty_home, prefix, name, value):
    response = client.get(prefix, {name: value})
    assert response.status_code == 422
    body = response.json()
    assert body["status"] == 422 and body["code"] == "invalid"
    assert body["message"] == "Проверьте данные запроса."
    assert [error["field"] for error in body["errors"]] == [name]
    assert re.search("[а-я]", body["errors"][0]["message"])


def test_errors_speak_english_when_the_client_asks_for_it(client, empty_home):
    body = client.get("/api/v3/pages/", {"limit": "0"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["message"] == "Check the request's data."
    assert body["errors"][0]["message"] == "At least 1."


@pytest.mark.parametrize("url", ["/api/v2/pages/999999/", "/api/v3/pages/999999/"])
def test_nothing_at_an_address_is_a_404_in_the_one_error_format(client, empty_home, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "not_found",
        "message": "По этому адресу ничего нет, или это закрыто для вас.",
        "errors": [],
    }


def test_an_area_may_say_what_was_not_found_in_the_same_format(client, empty_home):
    body = client.get("/api/v3/events/999999/").json()
    assert body == {"status": 404, "code": "event_not_found", "message": "Событие не найдено.", "errors": []}


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/support/materials/"])
def test_a_wrong_token_is_refused_with_401_rather_than_read_as_anonymous(client, empty_home, url):
    response = client.get(url, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert response.status_code == 401
    body = response.json()
    assert body["status"] == 401
    assert body["code"] in {"invalid_token", "invalid_credentials"}
    assert re.search("[а-я]", body["message"])


def test_a_resident_reads_their_tier_by_session_or_by_token_and_anonymous_callers_do_not(client, empty_home):
    internal_page = add_page(empty_home, 1, Audience.INTERNAL)
    student = internal("student")

    def seen(response) -> bool:
        return internal_page.pk in {item["id"] for item in response.json()["items"]}

    assert not seen(client.get("/api/v3/pages/"))
    assert seen(Client().get("/api/v3/pages/", **bearer(student)))
    session = Client()
    session.force_login(student)
    assert seen(session.get("/api/v3/pages/"))
    assert session.get(f"/api/v3/pages/{internal_page.pk}/").status_code == 200
    assert client.get(f"/api/v3/pages/{internal_page.pk}/").status_code == 404


def test_the_token_of_a_suspended_resident_opens_only_what_is_open_to_everyone(client, empty_home):
    internal_page = add_page(empty_home, 1, Audience.INTERNAL)
    headers = bearer(suspended("suspended", starts=-1, ends=10))
    response = client.get(f"/api/v3/pages/{internal_page.pk}/", **headers)
    assert response.status_code == 404


def test_a_draft_is_given_only_to_those_who_may_edit_the_page(client, empty_home, django_user_model):
    page = add_page(empty_home, 1)
    page.title = "Черновик заголовка"
    page.save_revision()
    resident = Client()
    resident.force_login(internal("student"))
    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "x"))
    url = f"/api/v3/pages/{page.pk}/?version=draft"
    assert resident.get(url).json()["title"] == "Страница 1"
    assert editor.get(url).json()["title"] == "Черновик заголовка"


def test_a_session_may_write_only_with_the_csrf_token(empty_home):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(internal("student"))
    response = browser.post("/api/v3/event-generator/", {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"


def test_date_times_are_the_same_iso_8601_with_the_moscow_offset_in_both_apis(client, empty_home):
    page = add_page(empty_home, 1)
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]["first_published_at"]
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()["meta"]["first_published_at"]
    assert OFFSET_DATETIME.match(v2), v2
    assert v2 == v3


def test_urls_are_absolute_in_both_apis(client, empty_home):
    page = add_page(empty_home, 1)
    for prefix in ("/api/v2/pages/", "/api/v3/pages/"):
        meta = client.get(f"{prefix}{page.pk}/").json()["meta"]
        assert meta["html_url"].startswith("http://"), meta
        assert meta["detail_url"].startswith("http://"), meta
