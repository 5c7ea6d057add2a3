"""API v3: events with the calendar's filters, event formats and the generator, in one OpenAPI schema;
the event pages in API v2. Audiences hold for the caller, by token or session."""

from datetime import timedelta

import pytest

from events.models import EventFormat, EventFormatStep, EventRelatedPage
from tests.api_contract import (
    assert_absolute,
    assert_documented,
    assert_moscow_datetime,
    assert_window_bounds,
    assert_windows,
    error,
    field_error,
    openapi_operation,
    paged,
)
from tests.events.conftest import bearer, make_event, moscow

ROOM = "https://telemost.yandex.ru/j/98765432109876"


def items(response) -> list[dict]:
    return paged(response)


@pytest.mark.django_db
def test_openapi_schema_describes_events_formats_and_generator(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for path in ["/api/v3/events/", "/api/v3/events/{event_id}/", "/api/v3/event-formats/", "/api/v3/event-generator/"]:
        assert path in paths
    assert "post" in paths["/api/v3/event-generator/"]


@pytest.mark.django_db
def test_openapi_schema_lists_every_parameter_and_error_answer(client):
    events = openapi_operation(client, "/api/v3/events/")
    assert_documented(
        events, parameters={"kind", "format", "audience", "month", "when", "limit", "offset"}, errors={401, 422}
    )
    assert_documented(openapi_operation(client, "/api/v3/events/{event_id}/"), parameters={"event_id"}, errors={404})
    assert_documented(openapi_operation(client, "/api/v3/event-formats/"), parameters={"limit", "offset"}, errors={422})
    assert_documented(openapi_operation(client, "/api/v3/event-formats/{slug}/"), parameters={"slug"}, errors={404})
    generator = openapi_operation(client, "/api/v3/event-generator/", "post")
    assert_documented(generator, errors={400, 401, 403, 422})
    assert {"bearer": []} in generator["security"] and {} in generator["security"]


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
    assert_absolute(event["url"])
    assert_moscow_datetime(event["end"])
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
    field_error(client.get("/api/v3/events/", {"month": "март"}), "month")
    assert "2026-03" in field_error(client.get("/api/v3/events/", {"month": "2025-13"}), "month")["message"]
    field_error(client.get("/api/v3/events/", {"kind": "party"}), "kind")
    field_error(client.get("/api/v3/events/", {"when": "tomorrow"}), "when")


@pytest.mark.django_db
def test_event_list_follows_the_pagination_contract(client, event_index):
    for day in range(5):
        make_event(f"Событие {day}", starts_in=timedelta(days=day + 1))
    assert len(paged(client.get("/api/v3/events/", {"limit": 2}), total=5)) == 2
    assert [item["title"] for item in paged(client.get("/api/v3/events/", {"offset": 3}), total=5)] == [
        "Событие 3",
        "Событие 4",
    ]
    assert_windows(client, "/api/v3/events/")
    assert_window_bounds(client, "/api/v3/events/")


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
    assert error(client.get(f"/api/v3/events/{hidden.pk}/"), 404, "event_not_found")["message"] == (
        "Событие не найдено."
    )
    error(client.get("/api/v3/events/999999/"), 404, "event_not_found")


@pytest.mark.django_db
def test_event_detail_follows_the_session_users_tier(client, event_index, staff_user, member):
    event = make_event("Для сотрудников", audience="staff")
    client.force_login(member)
    error(client.get(f"/api/v3/events/{event.pk}/"), 404)
    client.force_login(staff_user)
    assert client.get(f"/api/v3/events/{event.pk}/").json()["title"] == "Для сотрудников"


@pytest.mark.django_db
def test_event_detail_gives_related_pages_by_absolute_address(client, event_index):
    event = make_event("Защита проектов")
    EventRelatedPage.objects.create(event=event, page=event_index)
    [related] = client.get(f"/api/v3/events/{event.pk}/").json()["related_pages"]
    assert related["id"] == event_index.pk and related["title"] == "События"
    assert_absolute(related["url"])


@pytest.mark.django_db
def test_a_wrong_token_gets_401_in_the_error_format_on_every_events_endpoint(client, event_index, formats):
    event = make_event()
    urls = ["/api/v3/events/", f"/api/v3/events/{event.pk}/", "/api/v3/event-formats/", "/api/v3/event-formats/ted/"]
    for url in urls:
        error(client.get(url, HTTP_AUTHORIZATION="Bearer not-a-token"), 401, "invalid_token")


@pytest.mark.django_db
def test_event_formats_with_their_agenda_templates(client, formats):
    data = paged(client.get("/api/v3/event-formats/", {"limit": 100}), total=len(formats))
    assert {item["slug"] for item in data} == set(formats)
    assert [item["name"] for item in data] == sorted(item["name"] for item in data)
    ted = client.get("/api/v3/event-formats/ted/").json()
    assert ted["name"] == "Выступление в форме TED"
    assert sum(step["weight"] for step in ted["steps"]) == ted["typical_duration"]
    assert ted["roles"] and ted["checklist"]
    error(client.get("/api/v3/event-formats/nope/"), 404, "not_found")


@pytest.mark.django_db
def test_event_formats_follow_the_pagination_contract(client, formats):
    assert_windows(client, "/api/v3/event-formats/", key="slug")
    assert_window_bounds(client, "/api/v3/event-formats/")


@pytest.mark.django_db
def test_event_formats_take_the_same_queries_whatever_their_number(client, formats, django_assert_max_num_queries):
    with django_assert_max_num_queries(8) as few:
        paged(client.get("/api/v3/event-formats/", {"limit": 2}))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(paged(client.get("/api/v3/event-formats/", {"limit": 100}))) == len(formats)


@pytest.mark.django_db
def test_generator_answers_a_programme_that_fills_the_duration(client, formats):
    choices = {"format": "scrum", "topic": "Спринт", "start": "2026-12-01T15:00", "duration": 97, "participants": 13}
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert response.status_code == 200, response.content
    data = response.json()
    assert sum(item["minutes"] for item in data["agenda"]) == 97
    assert data["start"] == "2026-12-01T15:00:00+03:00" and data["end"] == "2026-12-01T16:37:00+03:00"
    assert data["agenda"][-1]["end"] == data["end"] and data["teams"] == 3
    assert data["format"] == {"slug": "scrum", "name": "SCRUM-сессия"}
    assert data["roles"] and all(set(role) == {"title", "duty"} for role in data["roles"])
    assert "Спринт" in data["announcement"]


@pytest.mark.django_db
def test_generator_refuses_bad_choices_with_a_message(client, formats):
    choices = {"format": "nope", "topic": "Спринт", "start": "2026-12-01T15:00", "duration": 97, "participants": 13}
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert "Такого формата нет" in field_error(response, "format")["message"]
    choices.update(format="scrum", duration=5)
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert field_error(response, "duration")["code"] == "greater_than_equal"
    steps = [EventFormatStep(title=f"Шаг {number}", weight=1) for number in range(12)]
    EventFormat(name="Марафон", slug="marathon", description="Двенадцать шагов", steps=steps).save()
    choices.update(format="marathon", duration=10)  # within the API's bounds, but less than a minute a step
    response = client.post("/api/v3/event-generator/", choices, content_type="application/json")
    assert "нужна хотя бы минута" in field_error(response, "duration")["message"]
    response = client.post("/api/v3/event-generator/", "{", content_type="application/json")
    assert response.status_code in {400, 422} and response.json()["code"] in {"bad_request", "invalid"}


@pytest.mark.django_db
def test_event_pages_are_in_api_v2(client, event_index, generator_page):
    data = client.get("/api/v2/pages/", {"type": "events.EventIndexPage", "fields": "introduction,audience"}).json()
    assert [item["title"] for item in data["items"]] == ["События"]
    data = client.get("/api/v2/pages/", {"type": "events.EventGeneratorPage"}).json()
    assert [item["title"] for item in data["items"]] == ["Генератор проектных событий"]
