"""What every page tells search engines and link previews: a description, its canonical address, the same
page in the other language, and an Open Graph card with a picture; plus the site's icon and manifest."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from bank.models import SolutionPage
from events.models import Event
from pages.models import StandardPage
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def head_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser").head


def meta(head: BeautifulSoup, key: str) -> list[str]:
    return [
        tag["content"]
        for tag in head.find_all("meta", attrs={"property": key}) + head.find_all("meta", attrs={"name": key})
    ]


def one_public_page_per_type(home) -> list[Page]:
    pages = []
    for content_type in ContentType.objects.filter(pk__in=Page.objects.values("content_type")):
        page = (
            Page.objects.live()
            .public()
            .filter(content_type=content_type, locale=home.locale)
            .specific()
            .order_by("path")
            .first()
        )
        if page is not None and page.depth > 1 and page.specific.audience == "everyone":
            pages.append(page)
    return pages


def test_every_page_type_of_the_demo_has_a_description_a_canonical_link_and_an_open_graph_card(client, home):
    pages = one_public_page_per_type(home)
    assert len(pages) >= 10

    for page in pages:
        head = head_of(client, page.url)
        (description,) = meta(head, "description")
        assert description, page.url
        assert len(description) <= 200
        (canonical,) = head.find_all("link", rel="canonical")
        assert canonical["href"] == f"{home.get_site().root_url}{page.url}"
        assert meta(head, "og:title") == [page.seo_title or page.title]
        assert meta(head, "og:url") == [canonical["href"]]
        assert meta(head, "og:locale") == ["ru_RU"]
        (image,) = meta(head, "og:image")
        assert image.startswith(home.get_site().root_url + "/"), page.url
        (width,) = meta(head, "og:image:width")
        assert 200 <= int(width) <= 1200  # link previews need at least 200 px; the logo is not upscaled


def test_a_solution_s_card_shows_its_summary_and_cover(client, home):
    solution = SolutionPage.objects.live().filter(locale=home.locale, audience="everyone").first()
    solution.search_description = ""
    solution.cover = make_image("Теплица на подоконнике", width=1600, height=1000)
    solution.save_revision().publish()

    head = head_of(client, solution.url)

    assert meta(head, "description") == [solution.summary]
    assert meta(head, "og:description") == [solution.summary]
    (image,) = meta(head, "og:image")
    assert "fill-1200x630" in image
    assert meta(head, "og:image:alt") == ["Теплица на подоконнике"]
    assert meta(head, "og:type") == ["article"]


def test_an_editor_s_search_description_comes_first(client, home):
    solution = SolutionPage.objects.live().filter(locale=home.locale, audience="everyone").first()
    solution.search_description = "Как лицеисты вырастили урожай зимой."
    solution.save_revision().publish()

    assert meta(head_of(client, solution.url), "description") == ["Как лицеисты вырастили урожай зимой."]


def test_the_canonical_link_leaves_out_the_query(client, home):
    bank = Page.objects.live().filter(content_type__model="solutionbankpage", locale=home.locale).first()

    (canonical,) = head_of(client, f"{bank.url}?q=робот&page=2").find_all("link", rel="canonical")

    assert canonical["href"] == f"{home.get_site().root_url}{bank.url}"


def test_a_translated_page_points_at_both_languages(client, home):
    english = Locale.objects.get(language_code="en")
    page = Page.objects.live().filter(content_type__model="standardpage", locale=home.locale).first().specific
    translation = page.get_translation_or_none(english) or page.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()

    for url in (page.url, translation.url):
        links = {link["hreflang"]: link["href"] for link in head_of(client, url).find_all("link", rel="alternate")}
        assert links["ru"] == f"{home.get_site().root_url}{page.url}"
        assert links["en"] == f"{home.get_site().root_url}{translation.url}"
        assert links["x-default"] == links["ru"]


def test_a_page_with_no_translation_names_no_alternates(client, home):
    page = home.add_child(instance=StandardPage(title="Новости лицея", slug="news"))
    page.save_revision().publish()

    assert head_of(client, page.url).find_all("link", hreflang=True) == []


def test_an_event_s_card_is_the_event_s_own(client, home):
    event = Event.objects.filter(live=True, audience="everyone").exclude(summary="").first()
    index = Page.objects.live().filter(content_type__model="eventindexpage", locale=home.locale).first()

    head = head_of(client, f"{index.url}{event.pk}/")

    assert meta(head, "og:title") == [event.seo_title or event.title]
    assert len(meta(head, "description")) == 1
    (canonical,) = head.find_all("link", rel="canonical")
    assert canonical["href"].endswith(f"{index.url}{event.pk}/")


def test_the_manifest_names_the_school_and_its_icons(client, home):
    response = client.get("/manifest.webmanifest")

    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert "Лицей" in manifest["name"] or "лицей" in manifest["name"]
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    head = head_of(client, home.url)
    assert head.find("link", rel="manifest")["href"] == "/manifest.webmanifest"
    assert head.find("link", rel="icon")["href"].endswith("favicon.svg")


def test_browsers_asking_for_favicon_ico_get_the_icon(client, db):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon-32.png")


def test_the_language_switch_on_an_event_leads_to_the_same_event_in_english(client, home):
    english = Locale.objects.get(language_code="en")
    index = Page.objects.live().filter(content_type__model="eventindexpage", locale=home.locale).first().specific
    translation = index.get_translation_or_none(english) or index.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    event = Event.objects.filter(live=True, audience="everyone").first()

    soup = BeautifulSoup(client.get(f"{index.url}{event.pk}/").content, "html.parser")

    (switch,) = soup.select(".language-switcher a")
    assert switch["href"] == f"{translation.url}{event.pk}/"
    assert switch["hreflang"] == "en"
