"""`manage.py set_site_address`: every absolute link Wagtail builds from the site names the running server."""

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site


@pytest.mark.django_db
def test_the_sitemap_and_the_api_link_to_the_address_set(client, empty_home, capsys):
    call_command("set_site_address", "--host", "192.0.2.10", "--port", "8123")
    assert "Адрес сайта: http://192.0.2.10:8123" in capsys.readouterr().out
    assert "<loc>http://192.0.2.10:8123/</loc>" in client.get("/sitemap.xml").text
    pages = client.get("/api/v2/pages/").json()["items"]
    assert [page["meta"]["html_url"] for page in pages] == ["http://192.0.2.10:8123/"]


@pytest.mark.django_db
def test_without_options_the_address_comes_from_public_base_url(client, empty_home, settings):
    settings.PUBLIC_BASE_URL = "https://cowork.example.org"
    call_command("set_site_address")
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("cowork.example.org", 443, "https://cowork.example.org")
    assert "<loc>https://cowork.example.org/</loc>" in client.get("/sitemap.xml").text


@pytest.mark.django_db
def test_a_wrong_port_is_refused_with_a_message_and_changes_nothing(empty_home):
    with pytest.raises(CommandError, match="Неверный порт 70000"):
        call_command("set_site_address", "--host", "127.0.0.1", "--port", "70000")
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
