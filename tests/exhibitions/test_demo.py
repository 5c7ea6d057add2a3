"""The demo has two exhibitions of at least twelve exhibits each, drawn locally, and the landing lists them."""

import pytest
from wagtail.models import Locale

from demo.loader import load_demo
from exhibitions.models import Exhibit, ExhibitionPage

pytestmark = pytest.mark.django_db


def test_demo_has_two_exhibitions_of_twelve_exhibits_or_more(client, home):
    exhibitions = list(ExhibitionPage.objects.live().filter(locale__language_code="ru"))
    assert len(exhibitions) == 2
    for page in exhibitions:
        exhibits = Exhibit.objects.filter(hall__page=page)
        assert exhibits.count() >= 12, page.title
        assert exhibits.filter(image__isnull=False).count() >= 10
        assert all(exhibit.published_authors or not exhibit.authors for exhibit in exhibits)
    kinds = {kind for exhibit in Exhibit.objects.all() for kind in exhibit.media_kinds()}
    assert kinds == {"image", "video", "document", "model"}


def test_demo_landing_lists_the_exhibition_open_to_everyone(client, home):
    html = client.get("/").text
    section = html.split("landing-section--current_exhibitions")[1].split("</section>")[0]
    assert "Экономика вокруг нас" in section
    assert "Цифровой коворкинг: проекты хакатона" not in section, "that one is for residents"


def test_demo_exhibition_list_is_in_the_main_menu(client, home):
    html = client.get("/").text
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    assert 'href="/exhibitions/">Выставки</a>' in menu
    assert client.get("/exhibitions/").status_code == 200


def test_loading_the_demo_again_changes_nothing(home, django_capture_on_commit_callbacks):
    before = Exhibit.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(report=lambda line: None)
    assert Exhibit.objects.count() == before
    assert ExhibitionPage.objects.filter(locale__language_code="ru").count() == 2


def test_the_language_switch_of_an_exhibit_leads_to_its_translation(client, home):
    russian = ExhibitionPage.objects.filter(locale__language_code="ru").get(slug="economy-around-us")
    english = russian.get_translation(Locale.objects.get(language_code="en"))
    exhibit = Exhibit.objects.filter(hall__page=russian).order_by("pk").first()
    translated = exhibit.get_translation(english.locale)
    response = client.get(f"{english.url}exhibit/{exhibit.pk}/", follow=True)
    assert response.redirect_chain[-1][0].endswith(f"{english.url}exhibit/{translated.pk}/")
    assert response.status_code == 200
    assert client.get(f"{english.url}exhibit/999999/").status_code == 404
