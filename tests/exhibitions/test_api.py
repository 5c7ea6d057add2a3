"""Frontends read exhibitions with their halls and exhibits through API v3, and the pages through API v2."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from exhibitions.models import Exhibit
from tests.exhibitions.builders import exhibits_of, make_exhibition

pytestmark = pytest.mark.django_db


def bearer(user) -> dict:
    _, token = APIToken.create_token(user=user, name="тест")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def test_openapi_schema_describes_the_exhibitions_endpoints(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/exhibitions/" in paths
    assert "/api/v3/exhibitions/{exhibition_id}/" in paths


def test_v3_lists_visible_exhibitions_with_dates_curator_and_cover(client, exhibition):
    data = client.get("/api/v3/exhibitions/").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["title"] == "Экономика вокруг нас"
    assert item["is_open"] is True
    assert item["curator"]["name"] == "Мария Ивановна Тестова"
    assert item["cover_image"]["url"].endswith(".png")
    assert item["html_url"].endswith("/exhibitions/economy/")


def test_v3_detail_gives_halls_and_exhibits_with_renditions_and_urls(client, exhibition):
    data = client.get(f"/api/v3/exhibitions/{exhibition.pk}/").json()
    assert [hall["title"] for hall in data["halls"]] == ["Зал 1", "Зал 2"]
    exhibit = data["halls"][1]["exhibits"][0]
    assert exhibit["number"] == 4
    assert exhibit["title"] == "Экспонат 4"
    assert exhibit["authors"] == "Автор 4"
    assert exhibit["media"] == ["image"]
    assert exhibit["image"]["alt"] == "Рисунок к экспонату 4"
    assert exhibit["image"]["thumbnail"]["width"] <= 480
    assert exhibit["html_url"].endswith(f"/exhibitions/economy/exhibit/{exhibit['id']}/")
    assert client.get(exhibit["html_url"].replace("http://localhost", "")).status_code == 200


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
    assert client.get("/api/v3/exhibitions/", {"status": "вчера"}).status_code in {400, 422}


def test_v3_shows_exhibitions_for_residents_only_to_callers_of_that_tier(client, staff_user, empty_home):
    page = make_exhibition(empty_home, title="Для резидентов", audience="residents")
    assert client.get("/api/v3/exhibitions/").json()["count"] == 0
    assert client.get(f"/api/v3/exhibitions/{page.pk}/").status_code == 404
    client.force_login(staff_user)
    assert client.get("/api/v3/exhibitions/").json()["count"] == 1, "a staff session opens what staff may read"
    client.logout()
    assert client.get("/api/v3/exhibitions/", **bearer(staff_user)).json()["count"] == 1
    assert client.get(f"/api/v3/exhibitions/{page.pk}/", **bearer(staff_user)).status_code == 200


def test_v2_lists_exhibition_pages_with_halls_and_exhibits(client, exhibition):
    items = client.get("/api/v2/pages/", {"type": "exhibitions.ExhibitionPage"}).json()["items"]
    assert [item["id"] for item in items] == [exhibition.pk]
    data = client.get(f"/api/v2/pages/{exhibition.pk}/").json()
    assert data["audience"] == "everyone"
    assert data["opens_on"] and data["curator"]["id"]
    exhibit = data["halls"][0]["exhibits"][0]
    assert exhibit["title"] == "Экспонат 1" and exhibit["published_authors"] == "Автор 1"
    assert "authors" not in exhibit and "authors_consent" not in exhibit
    assert exhibit["image"]["url"].endswith(".png")


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
