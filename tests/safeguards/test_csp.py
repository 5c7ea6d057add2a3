"""A Content-Security-Policy on every page, and the API docs' Swagger UI from the site's own static files.

The browser test (tests/browser/test_csp.py) checks that the site, the admin and the docs work under it."""

import pytest
from django.contrib.staticfiles import finders

PAGES = ["/", "/account/login/", "/api/v3/docs", "/api/v3/openapi.json", "/api/v2/pages/", "/nope/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PAGES)
def test_every_answer_carries_the_policy_scripts_only_from_the_site(client, empty_home, path):
    policy = client.get(path)["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'self'"


@pytest.mark.django_db
def test_the_admin_allows_wagtails_own_inline_scripts_and_nothing_from_elsewhere(client):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["default-src"] == "'self'"


@pytest.mark.django_db
def test_the_api_docs_load_swagger_ui_from_the_site_itself(client):
    html = client.get("/api/v3/docs", follow=True).content.decode()
    assert "cdn." not in html and "https://" not in html
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert f"/static/{asset}" in html
        assert finders.find(asset), asset
