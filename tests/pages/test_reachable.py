"""Every segment of the coworking space can be reached by links: the landing's segment cards lead to their
services, and «Мой коворкинг» lists every section the reader's tier opens, meeting rooms and the rest room
included (they are in no menu)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from tests.access.users import external, internal, make_user

pytestmark = pytest.mark.django_db

SERVICES = {
    "Онлайн-площадка": "eventindexpage",
    "Переговорные комнаты": "meetingroomspage",
    "Генератор проектных событий": "eventgeneratorpage",
    "Открытый банк проектных решений": "solutionbankpage",
    "Виртуальная комната отдыха": "restroompage",
    "Система сопровождения": "supportindexpage",
}


def links_of(html: bytes, selector: str) -> dict[str, str]:
    soup = BeautifulSoup(html, "html.parser")
    return {a.get_text(" ", strip=True): a["href"] for a in soup.select(selector)}


def test_the_landing_s_segment_cards_lead_to_their_services(client, home):
    client.force_login(internal("student"))  # a link to a section the reader may not open is left out
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    cards = {}
    for title in soup.select(".card .card__title"):
        link = title.find("a")
        cards[title.get_text(strip=True)] = link["href"] if link else None

    for title, model in SERVICES.items():
        service = Page.objects.live().filter(content_type__model=model, locale=home.locale).first()
        assert cards[title] == service.url, title


def test_an_anonymous_visitor_s_cards_link_only_to_what_is_open_to_everyone(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    links = {title.get_text(strip=True): title.find("a") for title in soup.select(".card .card__title")}

    for title, model in SERVICES.items():
        service = Page.objects.live().filter(content_type__model=model, locale=home.locale).first().specific
        if service.audience == "everyone":
            assert links[title]["href"] == service.url, title
        else:
            assert links[title] is None, title


def test_my_coworking_lists_every_section_a_student_may_open(client, home):
    client.force_login(internal("student"))

    sections = links_of(client.get(reverse("residents:my_coworking")).content, ".my-coworking__sections a")

    for model in ("meetingroomspage", "restroompage", "eventindexpage", "solutionbankpage", "supportindexpage"):
        page = Page.objects.live().filter(content_type__model=model, locale=home.locale).first()
        assert sections.get(page.title) == page.url, model


def test_my_coworking_offers_no_section_the_tier_does_not_open(client, home):
    internal_only = {page.title for page in home.get_children().live().specific() if page.audience == "internal"}
    assert internal_only, "the demo has sections for internal residents"

    for user in (make_user("registered"), external("partner", contract_end=home.latest_revision_created_at.date())):
        client.force_login(user)
        sections = links_of(client.get(reverse("residents:my_coworking")).content, ".my-coworking__sections a")
        assert sections, user
        assert not internal_only & set(sections), user
