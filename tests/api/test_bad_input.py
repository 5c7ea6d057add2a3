"""Malformed requests get a clear answer, never a server error: list windows out of range, search texts with a
NUL byte, months and dates at the ends of the calendar, on every list of both APIs and every HTML index."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken

from bank.models import SolutionBankPage
from events.models import EventGeneratorPage, EventIndexPage
from exhibitions.models import ExhibitionIndexPage
from meetings.models import MeetingRoomsPage
from support.models import MaterialsLibraryPage
from tests.access.users import internal

pytestmark = pytest.mark.django_db

HUGE = [str(2**63), str(2**64), "9" * 40, "-1", "1e3", "abc", "", " 5"]
NUL = "a\x00b"


def list_paths(client) -> list[str]:
    document = client.get("/api/v3/openapi.json").json()
    return [
        path
        for path, operations in document["paths"].items()
        if "get" in operations and "{" not in path and "openapi" not in path and not path.endswith("/find/")
    ]


def bearer(user) -> dict:
    _token, key = APIToken.create_token(user=user, name="bad input")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def callers():
    return {
        "anonymous": Client(),
        "resident": Client(**bearer(internal("bad-input-student"))),
        "staff": Client(**bearer(get_user_model().objects.create_user("bad-input-staff", is_staff=True))),
    }


def no_server_error(client, url, params=None, expected=None):
    response = client.get(url, params or {})
    assert response.status_code < 500, f"{url} {params}: {response.status_code}"
    if expected:
        assert response.status_code in expected, f"{url} {params}: {response.status_code} {response.content[:300]}"
    return response


def test_every_list_of_api_v3_refuses_a_window_out_of_range_with_a_message(demo_site, callers):
    for client in callers.values():
        for path in list_paths(client):
            for value in HUGE:
                for name in ("limit", "offset"):
                    # 401 and 403: lists for signed-in callers or for a role (the expert desk) refuse others first
                    response = no_server_error(client, path, {name: value}, expected={200, 401, 403, 422})
                    if response.status_code == 422:
                        assert response.json()["errors"][0]["field"] == name
                        assert response.json()["errors"][0]["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "solutions"])
def test_every_list_of_api_v2_refuses_a_window_out_of_range_and_searches_any_text(demo_site, callers, endpoint):
    url = f"/api/v2/{endpoint}/"
    for client in callers.values():
        for value in HUGE:
            for name in ("limit", "offset"):
                no_server_error(client, url, {name: value}, expected={200, 400, 422})
        no_server_error(client, url, {"search": "положение"})
        no_server_error(client, url, {"search": NUL})


def test_searches_with_a_nul_byte_are_answered(demo_site, callers):
    for client in callers.values():
        for path in list_paths(client):
            for name in ("search", "q", "query"):
                no_server_error(client, path, {name: NUL})


def page_url(model) -> str:
    return model.objects.live().first().url


@pytest.mark.parametrize(
    "model, params",
    [
        (EventIndexPage, {"page": str(2**63)}),
        (EventIndexPage, {"past": str(2**64)}),
        (EventIndexPage, {"page": "-1"}),
        (EventIndexPage, {"month": "0000-00"}),
        (EventIndexPage, {"month": "9999-12"}),
        (EventIndexPage, {"month": "0001-01"}),
        (SolutionBankPage, {"page": str(2**63)}),
        (SolutionBankPage, {"page": "9" * 40}),
        (SolutionBankPage, {"q": NUL}),
        (MaterialsLibraryPage, {"q": NUL}),
        (MaterialsLibraryPage, {"page": str(2**63)}),
        (ExhibitionIndexPage, {"page": str(2**63)}),
        (MeetingRoomsPage, {"page": str(2**63)}),
        (EventGeneratorPage, {"format": "x", "topic": "t", "date": "0001-01-01", "time": "00:00", "duration": "90"}),
        (EventGeneratorPage, {"format": "x", "topic": "t", "date": "9999-12-31", "time": "23:59", "duration": "4320"}),
    ],
)
def test_html_indexes_answer_bad_parameters_without_a_server_error(demo_site, client, model, params):
    no_server_error(client, page_url(model), params)


@pytest.mark.parametrize("path", ["calendar/0000/00/", "calendar/9999/12/", "calendar/0001/01/", "calendar/2026/13/"])
def test_the_calendar_at_the_ends_of_time_is_answered(demo_site, client, path):
    no_server_error(client, page_url(EventIndexPage) + path, expected={200, 404})


@pytest.mark.parametrize("month", ["0000-00", "9999-12", "0001-01", "2026-13"])
def test_events_of_a_month_at_the_ends_of_time_are_answered(demo_site, client, month):
    no_server_error(client, "/api/v3/events/", {"month": month}, expected={200, 422})


@pytest.mark.parametrize("start", ["0001-01-01T00:00:00", "0001-01-01T00:00:00+03:00", "9999-12-31T23:00:00+03:00"])
def test_the_generator_at_the_ends_of_time_is_answered(demo_site, client, start):
    slug = client.get("/api/v3/event-formats/").json()["items"][0]["slug"]
    body = {"format": slug, "topic": "Тема", "start": start, "duration": 4320, "participants": 10}
    response = client.post("/api/v3/event-generator/", body, content_type="application/json")
    assert response.status_code in {200, 422}, response.content[:300]
    generator = page_url(EventGeneratorPage)
    date, _t, time = start.partition("T")
    params = {
        "event_format": slug,
        "topic": "Тема",
        "date": date,
        "time": time[:5],
        "duration": 4320,
        "participants": 10,
    }
    no_server_error(client, generator, params)
    no_server_error(client, generator + "ical/", params)


@pytest.mark.parametrize("value", [str(2**63), str(2**64), "-1", "0", "1.5", "abc"])
def test_every_address_with_an_id_answers_an_id_out_of_range_without_a_server_error(demo_site, callers, value):
    document = callers["anonymous"].get("/api/v3/openapi.json").json()
    paths = [re.sub(r"{\w+}", value, path) for path, operations in document["paths"].items() if "get" in operations]
    paths += [f"/api/v2/{endpoint}/{value}/" for endpoint in ("pages", "images", "documents")]
    paths += [
        f"/api/v3/pages/find/?id={value}",
        f"/api/v3/pages/?child_of={value}",
        f"/api/v3/pages/?descendant_of={value}",
    ]
    paths += [f"/api/v2/pages/?child_of={value}", f"/api/v2/pages/?descendant_of={value}"]
    events = page_url(EventIndexPage)
    paths += [f"{events}{value}/", f"{events}{value}/ical/", f"{page_url(MeetingRoomsPage)}rooms/{value}/"]
    for client in callers.values():
        for path in paths:
            no_server_error(client, path, expected={200, 302, 400, 401, 403, 404, 405, 422})


def test_a_nul_byte_in_an_address_is_refused_with_a_message(demo_site, client):
    refused = client.get("/api/v3/event-formats/a%00b/")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "nul_byte"
    assert client.get(page_url(EventIndexPage) + "a%00b/").status_code == 400
    page = client.get(page_url(SolutionBankPage), {"q": NUL})
    assert page.status_code == 400
    assert "Запрос не удалось разобрать" in page.content.decode()
