"""Frontends read exhibitions with their halls and exhibits through API v3, and the pages through API v2."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from exhibitions.models import Exhibit
from tests.access.users import days, external
from tests.api_contract import (
    assert_absolute,
    assert_documented,
    assert_image,
    assert_window_bounds,
    assert_windows,
    error,
    field_error,
    openapi_operation,
    paged,
)
from tests.exhibitions.builders import exhibits_of, make_exhibition
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _, token = APIToken.create_token(user=user, name="тест")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_openapi_schema_describes_the_exhibitions_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/exhibitions/" in paths
    assert "/api/v3/exhibitions/{exhibition_id}/" in paths
    assert_documented(
        openapi_operation(client, "/api/v3/exhibitions/"), parameters={"status", "limit", "offset"}, errors={401, 422}
    )
    detail = openapi_operation(client, "/api/v3/exhibitions/{exhibition_id}/")
    assert_documented(detail, parameters={"exhibition_id"}, errors={401, 404})
    assert {"session": []} in detail["security"] and {"bearer": []} in detail["security"]


def test_v3_lists_visible_exhibitions_with_dates_curator_and_cover(client, exhibition):
    [item] = paged(client.get("/api/v3/exhibitions/"), total=1)
    assert item["title"] == "Экономика вокруг нас"
    assert item["is_open"] is True
    assert item["curator"]["name"] == "Мария Ивановна Тестова"
    assert_image(item["cover_image"])
    assert item["cover_image"]["renditions"][0]["url"].endswith(".png")
    assert item["html_url"].endswith("/exhibitions/economy/")
    assert_absolute(item["html_url"])


def test_v3_list_follows_the_pagination_contract(client, empty_home):
    for number in range(4):
        make_exhibition(empty_home, title=f"Выставка {number}", opens_in_days=-number - 1, halls=1, exhibits=1)
    assert [item["title"] for item in paged(client.get("/api/v3/exhibitions/", {"limit": 2}), total=4)] == [
        "Выставка 0",
        "Выставка 1",
    ]
    assert_windows(client, "/api/v3/exhibitions/")
    assert_window_bounds(client, "/api/v3/exhibitions/")


def test_v3_detail_gives_halls_and_exhibits_with_renditions_and_urls(client, exhibition):
    data = client.get(f"/api/v3/exhibitions/{exhibition.pk}/").json()
    assert [hall["title"] for hall in data["halls"]] == ["Зал 1", "Зал 2"]
    exhibit = data["halls"][1]["exhibits"][0]
    assert exhibit["number"] == 4
    assert exhibit["title"] == "Экспонат 4"
    assert exhibit["authors"] == "Автор 4"
    assert exhibit["media"] == ["image"]
    assert exhibit["image"]["alt"] == "Рисунок к экспонату 4"
    assert_image(exhibit["image"])
    assert exhibit["html_url"].endswith(f"/exhibitions/economy/exhibit/{exhibit['id']}/")
    assert_absolute(exhibit["html_url"])
    assert client.get(exhibit["html_url"].replace("http://localhost", "")).status_code == 200
    assert_absolute(data["html_url"])


def test_v3_gives_an_exhibits_document_and_solution_by_absolute_address(client, exhibition):
    first = exhibits_of(exhibition)[0]
    Exhibit.objects.filter(pk=first.pk).update(document=make_document("Паспорт проекта"), solution=exhibition)
    exhibit = client.get(f"/api/v3/exhibitions/{exhibition.pk}/").json()["halls"][0]["exhibits"][0]
    assert exhibit["document"]["title"] == "Паспорт проекта" and exhibit["document"]["file_extension"] == "pdf"
    assert_absolute(exhibit["document"]["url"])
    assert exhibit["solution"]["id"] == exhibition.pk
    assert_absolute(exhibit["solution"]["url"])
    assert exhibit["media"] == ["image", "document"]


def test_v3_gives_video_embed_and_never_authors_without_consent(client, exhibition):
    first = exhibits_of(exhibition)[0]
    Exhibit.objects.filter(pk=first.pk).update(
        authors="Иван Иванов", authors_consent=False, video_url="https://youtu.be/dQw4w9WgXcQ"
    )
    response = client.get(f"/api/v3/exhibitions/{exhibition.pk}/")
    exhibit = response.json()["halls"][0]["exhibits"][0]
    assert exhibit["authors"] == ""
    assert "Иван Иванов" not in response.text
    assert exhibit["video"]["embed_url"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert exhibit["media"] == ["image", "video"]


def test_v3_filters_by_status(client, empty_home):
    make_exhibition(empty_home, title="Открытая")
    make_exhibition(empty_home, title="Будущая", opens_in_days=3)
    make_exhibition(empty_home, title="Прошедшая", opens_in_days=-30, closes_in_days=-1)
    titles = {
        status: [item["title"] for item in client.get("/api/v3/exhibitions/", {"status": status}).json()["items"]]
        for status in ["open", "coming", "past"]
    }
    assert titles == {"open": ["Открытая"], "coming": ["Будущая"], "past": ["Прошедшая"]}
    assert field_error(client.get("/api/v3/exhibitions/", {"status": "вчера"}), "status")["code"] == "literal_error"


def test_v3_shows_exhibitions_for_residents_only_to_callers_of_that_tier(client, staff_user, empty_home):
    page = make_exhibition(empty_home, title="Для резидентов", audience="residents")
    paged(client.get("/api/v3/exhibitions/"), total=0)
    error(client.get(f"/api/v3/exhibitions/{page.pk}/"), 404, "not_found")
    client.force_login(staff_user)
    paged(client.get("/api/v3/exhibitions/"), total=1)
    client.logout()
    paged(client.get("/api/v3/exhibitions/", **bearer(staff_user)), total=1)
    assert client.get(f"/api/v3/exhibitions/{page.pk}/", **bearer(staff_user)).status_code == 200


def test_v3_gives_a_residents_session_their_tier(client, empty_home):
    page = make_exhibition(empty_home, title="Для резидентов", audience="residents")
    make_exhibition(empty_home, title="Для лицея", audience="internal")
    client.force_login(external("partner", contract_end=days(30)))
    assert [item["title"] for item in paged(client.get("/api/v3/exhibitions/"), total=1)] == ["Для резидентов"]
    assert client.get(f"/api/v3/exhibitions/{page.pk}/").json()["title"] == "Для резидентов"


def test_v3_refuses_a_wrong_token_in_the_error_format(client, exhibition):
    for url in ["/api/v3/exhibitions/", f"/api/v3/exhibitions/{exhibition.pk}/"]:
        response = client.get(url, HTTP_AUTHORIZATION="Bearer wrong")
        assert error(response, 401, "invalid_token")["errors"] == []


def test_v2_lists_exhibition_pages_with_halls_and_exhibits(client, exhibition):
    items = client.get("/api/v2/pages/", {"type": "exhibitions.ExhibitionPage"}).json()["items"]
    assert [item["id"] for item in items] == [exhibition.pk]
    data = client.get(f"/api/v2/pages/{exhibition.pk}/").json()
    assert data["audience"] == "everyone"
    assert data["opens_on"] and data["curator"]["id"]
    exhibit = data["halls"][0]["exhibits"][0]
    assert exhibit["title"] == "Экспонат 1" and exhibit["published_authors"] == "Автор 1"
    assert "authors" not in exhibit and "authors_consent" not in exhibit
    assert exhibit["image"]["alt"] == "Рисунок к экспонату 1"
    assert all(rendition["url"].endswith(".png") for rendition in exhibit["image"]["renditions"])


@pytest.mark.parametrize("audience", ["residents", "internal", "staff"])
def test_v2_keeps_restricted_exhibitions_out_of_every_listing(client, empty_home, audience):
    page = make_exhibition(empty_home, title="Закрытая", audience=audience)
    for params in [{}, {"type": "exhibitions.ExhibitionPage"}, {"search": "Закрытая"}]:
        ids = [item["id"] for item in client.get("/api/v2/pages/", params).json()["items"]]
        assert page.pk not in ids, params
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_v3_answers_cost_the_same_queries_whatever_the_amount_of_content(client, empty_home):
    small = make_exhibition(empty_home, title="Малая", halls=1, exhibits=2)
    large = make_exhibition(empty_home, title="Большая", halls=4, exhibits=8)
    assert _queries(client, f"/api/v3/exhibitions/{small.pk}/") == _queries(client, f"/api/v3/exhibitions/{large.pk}/")
    before = _queries(client, "/api/v3/exhibitions/")
    for number in range(6):
        make_exhibition(empty_home, title=f"Ещё {number}")
    assert _queries(client, "/api/v3/exhibitions/") == before
