"""Whole pages for anonymous visitors from the cache (coworking/page_cache.py, issue 16 item 4): real requests
through Django's test client on the demo site, with the page cache on as in production."""

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from coworking.page_cache import PageCacheApplication
from pages.models import SchoolSettings
from tests.events.conftest import make_event

pytestmark = pytest.mark.usefixtures("page_cache_on")


@pytest.fixture
def page_cache_on():
    with override_settings(PAGE_CACHE_SECONDS=300):
        yield


def text(client, url, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    return response.content.decode()


def queries_of(client, url) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return len(queries), response


def test_the_second_anonymous_request_is_answered_from_the_cache_without_the_database(home, client):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"] and "s-maxage=300" in first["Cache-Control"]
    count, second = queries_of(client, "/")
    assert count == 0
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_the_key_is_the_address_the_language_and_the_low_vision_switch(home, client):
    client.get("/")
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/?utm=1")["X-Page-Cache"] == "miss"
    client.cookies["low_vision"] = "1"
    low_vision = client.get("/")
    assert low_vision["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    client.cookies["low_vision"] = "large-bw-off-normal"  # the same choices as "1", the first switch's value
    assert client.get("/")["X-Page-Cache"] == "hit"
    client.cookies["low_vision"] = "xlarge-wb-on-wide"
    other_choices = client.get("/")
    assert other_choices["X-Page-Cache"] == "miss"
    assert "lv-scheme-wb" in other_choices.text and "lv-scheme-wb" not in low_vision.text
    del client.cookies["low_vision"]
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_publishing_an_edit_shows_it_at_once_and_other_pages_stay_cached(home, client):
    page = Page.objects.get(url_path="/home/model/").specific
    text(client, page.url)
    text(client, "/events/")
    page.title = "Модель коворкинга, новая редакция"
    page.save_revision().publish()
    assert "Модель коворкинга, новая редакция" in text(client, page.url)
    make_event("Сессия для проверки кэша")
    assert client.get("/events/")["X-Page-Cache"] == "miss"
    assert client.get(page.url)["X-Page-Cache"] == "hit", "a page that shows no event is still cached"
    assert "Сессия для проверки кэша" in text(client, "/events/")


def test_an_event_edited_on_the_landing_shows_on_the_next_request(home, client):
    event = make_event("Сессия на главной")
    assert "Сессия на главной" in text(client, "/")
    event.title = "Сессия на главной, перенесена"
    event.save()
    assert "Сессия на главной, перенесена" in text(client, "/")


def test_a_changed_setting_shows_on_the_next_request(home, client):
    assert "Новый текст подвала" not in text(client, "/")
    school = SchoolSettings.for_site(home.get_site())
    school.footer_text = "Новый текст подвала"
    school.save()
    assert "Новый текст подвала" in text(client, "/")


def test_unpublishing_a_page_takes_it_out_of_the_cache(home, client):
    page = Page.objects.get(url_path="/home/model/")
    text(client, page.url)
    page.specific.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_signed_in_reader_never_gets_the_anonymous_page_nor_leaves_one(home, client, django_user_model):
    anonymous = text(client, "/")
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "password")
    client.force_login(reader)
    signed_in = client.get("/")
    assert "X-Page-Cache" not in signed_in
    assert "private" in signed_in["Cache-Control"]
    assert signed_in.content.decode() != anonymous
    client.logout()
    client.cookies.clear()
    cache_check = client.get("/")
    assert cache_check["X-Page-Cache"] == "hit"
    assert cache_check.content.decode() == anonymous


def test_a_page_with_a_view_restriction_is_no_longer_cached(home, client):
    page = Page.objects.get(url_path="/home/model/")
    text(client, page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "X-Page-Cache" not in response


def test_a_page_with_a_form_for_the_visitor_is_private_and_not_cached(home, client):
    for _ in range(2):
        survey = client.get("/feedback/")
        assert "csrfmiddlewaretoken" in survey.content.decode()
        assert "X-Page-Cache" not in survey
        assert "private" in survey["Cache-Control"]


# --- the same hits in front of Django (PageCacheApplication in coworking/wsgi.py) -----------------------------


class Django:
    """Django's own WSGI handler, as gunicorn calls it, noting each request that reaches it."""

    def __init__(self):
        self.handler = WSGIHandler()
        self.paths: list[str] = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        return self.handler(environ, start_response)


@pytest.fixture
def django_behind_the_layer():
    # As Django's test client does: the test's transaction must survive the end of each request.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        django = Django()
        yield django, PageCacheApplication(django)
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


def wsgi_get(application, path: str, method: str = "GET", **headers) -> tuple[str, dict, bytes]:
    environ = RequestFactory().generic(method, path, **headers).environ
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer.update(status=status, headers=dict(response_headers))

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def test_the_wsgi_layer_answers_a_stored_page_without_django_as_django_would(home, django_behind_the_layer):
    django, layer = django_behind_the_layer
    status, headers, first = wsgi_get(layer, "/")
    assert status == "200 OK" and headers["X-Page-Cache"] == "miss" and django.paths == ["/"]

    status, headers, second = wsgi_get(layer, "/")
    assert django.paths == ["/"], "the stored page was answered in front of Django"
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit" and second == first
    assert headers["X-Content-Type-Options"] == "nosniff" and "Referrer-Policy" in headers  # SecurityMiddleware's
    assert "s-maxage=300" in headers["Cache-Control"] and headers["Content-Type"].startswith("text/html")
    status, headers, body = wsgi_get(layer, "/", method="HEAD")
    assert status == "200 OK" and headers["X-Page-Cache"] == "hit" and body == b""

    _, headers, zipped = wsgi_get(layer, "/", HTTP_ACCEPT_ENCODING="gzip")  # another key: the gzipped copy
    assert headers["X-Page-Cache"] == "miss" and django.paths == ["/", "/"]
    _, headers, again = wsgi_get(layer, "/", HTTP_ACCEPT_ENCODING="gzip")
    assert headers["Content-Encoding"] == "gzip" and again == zipped and django.paths == ["/", "/"]
    wsgi_get(layer, "/en/")
    assert django.paths == ["/", "/", "/en/"], "each language has its own copy"


def test_the_wsgi_layer_never_answers_a_signed_in_reader_nor_a_restricted_page(
    home, client, django_user_model, django_behind_the_layer
):
    django, layer = django_behind_the_layer
    _, _, anonymous = wsgi_get(layer, "/")
    client.force_login(django_user_model.objects.create_user("reader", "reader@example.org", "password"))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value

    status, headers, signed_in = wsgi_get(layer, "/", HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}={session}")
    assert django.paths == ["/", "/"]
    assert "X-Page-Cache" not in headers and "private" in headers["Cache-Control"] and signed_in != anonymous
    _, headers, _ = wsgi_get(layer, "/", HTTP_AUTHORIZATION="Bearer token")
    assert django.paths == ["/", "/", "/"] and "X-Page-Cache" not in headers
    wsgi_get(layer, "/", method="POST")
    assert django.paths == ["/"] * 4

    page = Page.objects.get(url_path="/home/model/")
    wsgi_get(layer, page.url)
    assert wsgi_get(layer, page.url)[1]["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    for _ in range(2):
        status, headers, _ = wsgi_get(layer, page.url)
        assert status.startswith("302") and "X-Page-Cache" not in headers
    assert django.paths[-2:] == [page.url, page.url], "the restricted page was asked of Django each time"
