"""API v3 bank search (in the OpenAPI schema), title suggestions, and API v2 search over solutions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from residents.audiences import Audience
from tests.access.users import internal
from tests.bank.conftest import make_solution
from tests.factories import make_image


@pytest.fixture
def solutions(bank):
    first = make_solution(
        bank,
        title="Умная теплица",
        text="Датчики влажности и полив",
        subject="biology",
        grades=(8, 9),
        year=2023,
        tags=("arduino",),
    )
    first.cover = make_image("Обложка теплицы", width=640, height=360)
    first.save_revision().publish()
    make_solution(bank, title="Метеостанция", text="Датчики давления", subject="physics", grades=(7, 7), year=2022)
    return bank


@pytest.mark.django_db
def test_v3_search_returns_results_with_facets_and_highlighted_snippets(client, solutions):
    data = client.get("/api/v3/bank/search/", {"q": "датчиков", "subject": "biology"}).json()
    assert data["meta"]["total_count"] == 1
    hit = data["items"][0]
    assert hit["title"] == "Умная теплица" and hit["url"].endswith("/bank/") is False
    assert hit["subjects"] == ["Биология"] and hit["grades"] == [8, 9] and hit["year"] == "2023/2024"
    assert hit["type"] == "Коллективный проект" and hit["tags"] == ["arduino"]
    assert hit["cover"]["renditions"] and hit["cover"]["srcset"] and hit["cover"]["alt"]
    assert "<mark>Датчики</mark>" in hit["snippet"]
    assert {facet["value"]: facet["count"] for facet in data["facets"]["subject"]} == {"biology": 1}
    assert {"subject", "grade", "year", "type", "tag"} == set(data["facets"])


@pytest.mark.django_db
def test_v3_search_refuses_bad_parameters_with_a_clear_error(client, solutions):
    response = client.get("/api/v3/bank/search/", {"grade": 15})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "grade", "code": "less_than_equal", "message": "Не больше 11."}]


@pytest.mark.django_db
def test_v3_search_is_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/bank/search/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v3/bank/search/"]["get"]["parameters"]}
    assert {"q", "subject", "grade", "year", "type", "tag", "sort", "limit", "offset"} <= parameters


@pytest.mark.django_db
def test_v3_search_costs_the_same_queries_at_two_content_sizes(client, bank):
    def count() -> int:
        client.get("/api/v3/bank/search/", {"q": "датчики"})
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v3/bank/search/", {"q": "датчики"})
        return len(queries)

    make_solution(bank, title="Датчики 0", text="датчики", tags=("a",))
    small = count()
    for number in range(1, 12):
        make_solution(bank, title=f"Датчики {number}", text="датчики", tags=(f"t{number}",))
    assert count() == small


@pytest.mark.django_db
def test_suggestions_complete_titles_from_their_first_letters(client, solutions):
    titles = [item["title"] for item in client.get("/api/v3/bank/suggest/", {"q": "тепл"}).json()["items"]]
    assert titles == ["Умная теплица"]
    assert client.get("/api/v3/bank/suggest/", {"q": "т"}).json() == {"meta": {"total_count": 0}, "items": []}


@pytest.mark.django_db
def test_v2_solutions_are_readable_and_searchable_in_russian(client, solutions):
    items = client.get("/api/v2/solutions/", {"search": "теплицами"}).json()["items"]
    assert [item["title"] for item in items] == ["Умная теплица"]
    detail = client.get(f"/api/v2/solutions/{items[0]['id']}/").json()
    assert detail["summary"].startswith("Умная теплица") and detail["subject_names"] == ["Биология"]
    assert detail["licence"] == "cc-by-4.0"


@pytest.mark.django_db
def test_rss_and_atom_feeds_list_new_solutions(client, solutions):
    rss = client.get("/bank/feed/rss/")
    atom = client.get("/bank/feed/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml") and "Умная теплица" in rss.text
    assert atom["Content-Type"].startswith("application/atom+xml") and "Метеостанция" in atom.text


@pytest.mark.django_db
def test_v3_search_pages_its_results_by_limit_and_offset_with_the_whole_count(client, bank):
    for number in range(3):
        make_solution(
            bank, title=f"Датчики {number}", text="датчики", published_date=datetime.date(2024, 5, number + 1)
        )
    first = client.get("/api/v3/bank/search/", {"q": "датчики", "sort": "date", "limit": 2}).json()
    rest = client.get("/api/v3/bank/search/", {"q": "датчики", "sort": "date", "limit": 2, "offset": 2}).json()
    past = client.get("/api/v3/bank/search/", {"q": "датчики", "limit": 2, "offset": 10}).json()
    assert [hit["title"] for hit in first["items"] + rest["items"]] == ["Датчики 2", "Датчики 1", "Датчики 0"]
    assert first["meta"] == rest["meta"] == past["meta"] == {"total_count": 3}
    assert past["items"] == []
    assert client.get("/api/v3/bank/search/", {"limit": 101}).status_code == 422


@pytest.mark.django_db
def test_v3_search_answers_a_signed_in_resident_by_session_with_their_tier(client, bank):
    make_solution(bank, title="Внутреннее решение", text="внутреннийтермин", audience=Audience.INTERNAL)
    assert client.get("/api/v3/bank/search/", {"q": "внутреннийтермин"}).json()["meta"]["total_count"] == 0
    client.force_login(internal("student"))
    assert client.get("/api/v3/bank/search/", {"q": "внутреннийтермин"}).json()["meta"]["total_count"] == 1
