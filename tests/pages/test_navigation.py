"""The header's main menu: at most six short items grouped by audience, the long official titles inside the
groups, a disclosure that opens without JavaScript, meeting rooms linked for residents, every section in the
footer."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.access.users import internal

pytestmark = pytest.mark.django_db

MAX_TOP_ITEMS = 6


def menu_of(html: bytes):
    return BeautifulSoup(html, "html.parser").select_one("nav.main-menu")


def top_items(menu) -> list[str]:
    return [item.select_one(".main-menu__link").get_text(strip=True) for item in menu.select(".main-menu__list > li")]


def test_the_menu_has_at_most_six_short_items_and_the_official_titles_inside_groups(client, home):
    menu = menu_of(client.get(home.url).content)
    items = top_items(menu)
    assert 1 < len(items) <= MAX_TOP_ITEMS, items
    assert items[:2] == ["О коворкинге", "События"]
    assert all(len(label) <= 16 for label in items), items
    about = menu.select_one(".main-menu__group")
    assert about.select_one("summary").get_text(strip=True) == "О коворкинге"
    titles = [link.get_text(strip=True) for link in about.select(".main-menu__sub a")]
    assert "Положение об организации работы в цифровом коворкинговом пространстве" in titles
    assert "Совет коворкинга" in titles


def test_the_menu_is_a_disclosure_that_works_without_javascript(client, home):
    menu = menu_of(client.get(home.url).content)
    disclosure = menu.select_one("details.main-menu__disclosure")
    assert disclosure is not None and not disclosure.has_attr("open")
    assert disclosure.select_one("summary").get_text(strip=True) == "Меню"
    assert not BeautifulSoup(client.get(home.url).content, "html.parser").select("header script")


def test_residents_reach_meeting_rooms_and_the_rest_room_from_the_menu(client, home):
    anonymous = menu_of(client.get(home.url).content)
    assert "Резидентам" not in top_items(anonymous)
    rooms = Page.objects.live().filter(content_type__model="meetingroomspage", locale=home.locale).get()

    client.force_login(internal("student"))
    menu = menu_of(client.get(home.url).content)
    assert "Резидентам" in top_items(menu) and len(top_items(menu)) <= MAX_TOP_ITEMS
    links = {a.get_text(strip=True): a["href"] for a in menu.select(".main-menu__sub a")}
    assert links["Переговорные комнаты"] == rooms.url
    assert links["Виртуальная комната отдыха"].endswith("/rest-room/")
    assert client.get(rooms.url).status_code == 200


def test_the_current_section_is_marked_in_the_menu(client, home):
    menu = menu_of(client.get("/regulations/").content)
    current = menu.select_one('[aria-current="page"]')
    assert current is not None and current["href"] == "/regulations/"
    assert menu.select_one("summary[data-within]").get_text(strip=True) == "О коворкинге"


def test_the_footer_lists_every_section_the_reader_may_open(client, home):
    soup = BeautifulSoup(client.get(home.url).content, "html.parser")
    footer = {a.get_text(strip=True): a["href"] for a in soup.select(".site-footer__nav a")}
    assert footer["Открытый банк проектных решений"] == "/bank/"
    assert footer["Обратная связь"] == "/feedback/"
    assert "Переговорные комнаты" not in footer, "meeting rooms are for residents"
