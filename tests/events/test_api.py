"""API v3: events with the calendar's filters, event formats and the generator, in one OpenAPI schema;
the event pages in API v2. Audiences hold for the token's user."""

from datetime import timedelta

import pytest

from tests.events.conftest import bearer, make_event, moscow

ROOM = "https://telemost.yandex.ru/j/98765432109876"


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.mark.django_db
def test_openapi_schema_describes_events_formats_and_generator(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for path in ["/api/v3/events/", "/api/v3/events/{event_id}/", "/api/v3/event-formats/", "/api/v3/event-generator/"]:
        assert path in paths
    assert "post" in paths["/api/v3/event-generator/"]


@pytest.mark.django_db
def test_event_list_shows_what_the_visitor_may_see_in_moscow_time(client, event_index, staff_user):
    make_event("Открытое", start=moscow(2026, 3, 1, 10), online_url=ROOM)
    make_event("Для сотрудников", audience="staff")
    make_event("Черновик", live=False)
    (event,) = items(client.get("/api/v3/events/"))
    assert event["title"] == "Открытое"
    assert event["start"] == "2026-03-01T10:00:00+03:00"
    assert event["is_online"] is True and event["place"] == "Онлайн"
    assert event["url"].endswith(f"/events/{event['id']}/")
    assert ROOM not in str(event)
    staff = items(client.get("/api/v3/events/", **bearer(staff_user)))
    assert {item["title"] for item in staff} == {"Открытое", "Для сотрудников"}


@pytest.mark.django_db
def test_event_list_follows_the_session_users_tier(client, event_index, staff_user, django_user_model):
    make_event("Для сотрудников", audience="staff")
    client.force_login(django_user_model.objects.create_user("plain", "plain@example.org", "password"))
    assert items(client.get("/api/v3/events/")) == []
    client.force_login(staff_user)
    assert [item["title"] for item in items(client.get("/api/v3/events/"))] == ["Для сотрудников"]


@pytest.mark.django_db
def test_event_list_filters_like_the_calendar(client, event_index, formats):
    make_event("Хакатон", start=moscow(2025, 3, 20, 10), kind="hackathon", event_format=formats["hackathon"])
    make_event("Вебинар", start=moscow(2025, 4, 2, 18), kind="webinar", event_format=formats["webinar"])
    make_event("Будущее", starts_in=timedelta(days=3))

    def titles(**query):
        return {item["title"] for item in items(client.get("/api/v3/events/", query))}

    assert titles(kind="hackathon") == {"Хакатон"}
    assert titles(format="webinar") == {"Вебинар"}
    assert titles(month="2025-04") == {"Вебинар"}
    assert titles(when="upcoming") == {"Будущее"}
    assert titles(when="past") == {"Хакатон", "Вебинар"}
    assert titles(audience="staff") == set()
    assert client.get("/api/v3/events/", {"month": "март"}).status_code == 422
    assert client.get("/api/v3/events/", {"kind": "party"}).status_code == 422


@pytest.mark.django_db
def test_event_list_takes_bounded_queries_at_two_sizes(client, event_index, django_assert_max_num_queries):
    for number in range(3):
        make_event(f"Событие {number}")
    with django_assert_max_num_queries(8) as few:
        items(client.get("/api/v3/events/"))
    for number in range(40):
        make_event(f"Ещё {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(items(client.get("/api/v3/events/", {"limit": 50}))) == 43


@pytest.mark.django_db
def test_event_detail_has_description_and_materials_but_never_the_room(client, event_index):
    event = make_event(
        "Конференция",
        online_url=ROOM,
        registration_required=False,
        description=[{"type": "paragraph", "value": "<p>Программа конференции</p>"}],
    )
    data = client.get(f"/api/v3/events/{event.pk}/").json()
    assert data["title"] == "Конференция" and "Программа конференции" in str(data["description"])
    assert ROOM not in str(data)
    hidden = make_event("Служебное", audience="internal")
    assert client.get(f"/api/v3/events/{hidden.pk}/").status_code == 404
    assert client.get("/api/v3/events/999999/").status_code == 404


@pytest.mark.django_db
def test_event_formats_with_their_agenda_templates(client, formats):
    data = client.get("/api/v3/event-formats/").json()
    assert {item["slug"] for item in data} == set(formats)
    ted = client.get("/api/v3/event-formats/ted/").json()
    assert ted["name"] == "Выступление в форме TED"
    assert sum(step["weight"] for step in ted["steps"]) == ted["typical_duration"]
    assert ted["roles"] and ted["checklist"]
    assert client.get("/api/v3/event-formats/nope/").status_code == 404


@pytest.mark.django_db
def test_generator_answers_a_programme_that_fills_the_duration(client, formats):
    choices = {"format": "scrum", "topic": "Спринт", "start": "2026-12-01T15:00", "duration": 97, "participants": 13}
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert sum(item["minutes"] for item in data["agenda"]) == 97
    assert data["start"] == "2026-12-01T15:00:00+03:00" and data["end"] == "2026-12-01T16:37:00+03:00"
    assert data["agenda"][-1]["end"] == data["end"] and data["teams"] == 3
    assert "Спринт" in data["announcement"]


@pytest.mark.django_db
def test_generator_refuses_bad_choices_with_a_message(client, formats):
    choices = {"format": "nope", "topic": "Спринт", "start": "2026-12-01T15:00", "duration": 97, "participants": 13}
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert response.status_code == 400 and "Такого формата нет" in response.json()["detail"]
    choices.update(format="scrum", duration=5)
    assert client.post("/api/v3/event-generator/", choices, content_type="application/json").status_code == 422


@pytest.mark.django_db
def test_event_pages_are_in_api_v2(client, event_index, generator_page):
    data = client.get("/api/v2/pages/", {"type": "events.EventIndexPage", "fields": "introduction,audience"}).json()
    assert [item["title"] for item in data["items"]] == ["События"]
    data = client.get("/api/v2/pages/", {"type": "events.EventGeneratorPage"}).json()
    assert [item["title"] for item in data["items"]] == ["Генератор проектных событий"]
