"""A page's password, once entered in the site's password form, opens the page in the APIs read with the same
session (issue 14): API v2 pages and API v3 (pages and the routers that serve pages) follow the session's pass
that Wagtail keeps, for the session's signed-in user only, never for a bearer token or an anonymous visitor."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import APIToken, PageViewRestriction

from residents.audiences import Audience
from tests.access.users import internal
from tests.exhibitions.builders import make_exhibition
from tests.pages.channels import make_page

PASSWORD = "тайна-373"


@pytest.fixture
def page(empty_home):
    page = make_page(empty_home, Audience.EVERYONE)
    page.restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


@pytest.fixture
def exhibition(empty_home):
    exhibition = make_exhibition(empty_home, title="Закрытая выставка", slug="closed")
    exhibition.restriction = PageViewRestriction.objects.create(
        page=exhibition, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return exhibition


def enter_password(client: Client, page, password: str = PASSWORD):
    url = reverse("wagtailcore_authenticate_with_password", args=[page.restriction.pk, page.pk])
    return client.post(url, {"password": password, "return_url": page.url})


def api_answers(client: Client, page, **headers) -> dict:
    return {
        "v2 page": client.get(f"/api/v2/pages/{page.pk}/", **headers).status_code,
        "v3 page": client.get(f"/api/v3/pages/{page.pk}/", **headers).status_code,
        "v2 listing": page.pk
        in [item["id"] for item in client.get("/api/v2/pages/", {"limit": 100}, **headers).json()["items"]],
    }


CLOSED = {"v2 page": 404, "v3 page": 404, "v2 listing": False}
OPEN = {"v2 page": 200, "v3 page": 200, "v2 listing": True}


@pytest.mark.django_db
def test_the_password_entered_in_html_opens_the_page_in_both_apis_for_the_same_session(client, page):
    user = internal("reader")
    client.force_login(user)
    assert api_answers(client, page) == CLOSED
    assert enter_password(client, page, "неверный").status_code != 302  # the form again, nothing passed
    assert api_answers(client, page) == CLOSED

    assert enter_password(client, page).status_code == 302
    assert client.get(page.url).status_code == 200
    assert api_answers(client, page) == OPEN

    # A bearer token of the same user, with or without the session's cookie, has no pass.
    _token, key = APIToken.create_token(user=user, name="pass")
    assert api_answers(client, page, HTTP_AUTHORIZATION=f"Bearer {key}") == CLOSED
    assert api_answers(Client(), page, HTTP_AUTHORIZATION=f"Bearer {key}") == CLOSED
    # Another signed-in session has none either.
    other = Client()
    other.force_login(internal("neighbour"))
    assert api_answers(other, page) == CLOSED


@pytest.mark.django_db
def test_an_anonymous_visitors_pass_opens_the_html_page_only(client, page):
    assert enter_password(client, page).status_code == 302
    assert client.get(page.url).status_code == 200
    assert api_answers(client, page) == CLOSED


@pytest.mark.django_db
def test_the_pass_opens_a_v3_router_that_serves_pages(client, exhibition):
    client.force_login(internal("visitor"))

    def listed() -> bool:
        return exhibition.pk in [item["id"] for item in client.get("/api/v3/exhibitions/").json()["items"]]

    assert client.get(f"/api/v3/exhibitions/{exhibition.pk}/").status_code == 404
    assert not listed()
    enter_password(client, exhibition)
    assert client.get(f"/api/v3/exhibitions/{exhibition.pk}/").status_code == 200
    assert listed()
