"""Frontends read the landing, standard and roadmap pages through API v2 and API v3."""

import pytest

from pages.models import RoadmapPage, StandardPage


@pytest.mark.django_db
def test_api_v2_returns_the_landing_blocks(client, home):
    response = client.get(f"/api/v2/pages/{home.pk}/")
    assert response.status_code == 200
    data = response.json()
    block_types = [block["type"] for block in data["body"]]
    assert block_types[0] == "hero"
    assert {"segments", "upcoming_events", "featured_solutions", "partners", "residency", "faq"} <= set(block_types)
    segments = next(block for block in data["body"] if block["type"] == "segments")["value"]["segments"]
    assert all(segment["user_labels"] for segment in segments)


@pytest.mark.django_db
def test_api_v2_lists_pages_by_type_with_their_content(client, home):
    response = client.get("/api/v2/pages/", {"type": "pages.StandardPage", "fields": "introduction,body"})
    items = response.json()["items"]
    assert {item["meta"]["slug"] for item in items} >= {"model", "regulations", "council"}
    assert all(item["body"] for item in items)


@pytest.mark.django_db
def test_api_v2_gives_roadmap_dates_and_labels(client, home):
    roadmap = RoadmapPage.objects.get(locale__language_code="ru")
    products = client.get(f"/api/v2/pages/{roadmap.pk}/").json()["products"]
    assert len(products) == 5
    first_task = products[0]["value"]["tasks"][0]
    assert first_task["start"] == "2022-09-01"
    assert first_task["start_label"] == "01.09.2022"
    assert first_task["end_label"] == "Декабрь 2022"


@pytest.mark.django_db
def test_api_v3_publishes_an_openapi_document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert any(path.startswith("/api/v3/pages/") for path in schema["paths"])


@pytest.mark.django_db
def test_api_v3_returns_pages_with_their_stream_content(client, home):
    regulations = StandardPage.objects.get(slug="regulations", locale__language_code="ru")
    for page, field in [(home, "body"), (regulations, "body")]:
        response = client.get(f"/api/v3/pages/{page.pk}/")
        assert response.status_code == 200, response.content
        data = response.json()
        assert data["title"] == page.title
        assert data[field], f"{field} of {page.title} is empty in API v3"
    roadmap = RoadmapPage.objects.get(locale__language_code="ru")
    assert len(client.get(f"/api/v3/pages/{roadmap.pk}/").json()["products"]) == 5
