"""What a visitor of the demo site sees: every page, the menu, breadcrumbs, the footer, the errors."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.views.defaults import server_error

from events.models import Event
from pages.models import HomePage, RoadmapPage, StandardPage


@pytest.mark.django_db
def test_every_page_of_the_demo_renders(client, home):
    pages = [home, *StandardPage.objects.live(), *RoadmapPage.objects.live()]
    assert {type(page.specific) for page in pages} == {HomePage, StandardPage, RoadmapPage}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert "<h1" in response.text and page.title in response.text


@pytest.mark.django_db
def test_landing_shows_its_sections_in_russian(client, home):
    html = client.get("/").text
    assert '<html lang="ru"' in html
    assert "Перейти к содержанию" in html
    assert "Открытый банк проектных решений" in html
    assert "Внутренние резиденты" in html
    for block in home.body:
        assert f"landing-section--{block.block_type}" in html


@pytest.mark.django_db
def test_roadmap_shows_every_product_with_dates_and_adjustments(client, home):
    html = client.get("/roadmap/").text
    for number in range(1, 6):
        assert f"Продукт {number}." in html
    assert "01.09.2022" in html and "Декабрь 2022" in html
    assert "внесены коррективы" in html
    assert "перенесено на апрель 2024" in html


@pytest.mark.django_db
def test_main_menu_links_to_the_pages_shown_in_menus(client, home):
    html = client.get("/").text
    menu = html.split('class="main-menu"')[1].split("</nav>")[0]
    for page in home.get_children().live().in_menu():
        assert f'href="{page.url}"' in menu, page.title


@pytest.mark.django_db
def test_breadcrumbs_lead_back_home(client, home):
    html = client.get("/regulations/").text
    crumbs = html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert 'href="/"' in crumbs and "Главная" in crumbs
    assert 'aria-current="page"' in crumbs


@pytest.mark.django_db
def test_footer_carries_the_school_settings(client, home):
    html = client.get("/").text
    footer = html.split('class="site-footer"')[1]
    assert "Экономический лицей" in footer
    assert "mailto:" in footer


@pytest.mark.django_db
def test_low_vision_version_persists_across_pages_without_javascript(client, home):
    response = client.get("/low-vision/on/", {"next": "/regulations/"})
    assert response.status_code == 302 and response["Location"] == "/regulations/"
    for url in ["/", "/regulations/", "/roadmap/"]:
        html = client.get(url).text
        assert '<html lang="ru" class="low-vision ' in html
        assert "Обычная версия" in html
    client.get("/low-vision/off/", {"next": "/"})
    assert 'class="low-vision"' not in client.get("/").text


@pytest.mark.django_db
def test_low_vision_switch_never_redirects_off_site(client, home):
    response = client.get("/low-vision/on/", {"next": "https://evil.example.com/"})
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_low_vision_version_hides_images(client, home):
    assert "<img" in client.get("/").text
    client.get("/low-vision/on/")
    assert "<img" not in client.get("/").text


@pytest.mark.django_db
def test_sitemap_lists_live_pages(client, home):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    for slug in ["regulations", "roadmap", "council", "model"]:
        assert f"/{slug}/</loc>" in response.text


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


@pytest.mark.django_db
def test_missing_page_answers_404_in_russian(client, home):
    response = client.get("/net-takoy-stranitsy/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.text


def test_server_error_page_is_in_russian(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Что-то пошло не так" in response.content.decode()


@pytest.mark.django_db
def test_landing_costs_the_same_queries_whatever_the_amount_of_content(client, home, django_assert_max_num_queries):
    client.get("/")  # warm renditions and caches

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    before = count_queries()
    for number in range(20):
        home.add_child(instance=StandardPage(title=f"Раздел {number}", slug=f"section-{number}", show_in_menus=True))
    home.body = [{"type": block["type"], "value": block["value"]} for block in home.body.raw_data] * 3
    home.save_revision().publish()
    client.get("/")
    after = count_queries()
    assert after == before, f"landing took {before} queries, then {after} with more content"
    # the page and its site settings, the menu, one query per live list (events, solutions, exhibitions), and
    # one per block family whose links choose pages (hero, segments: may the visitor open those pages?)
    with django_assert_max_num_queries(26):
        client.get("/")


@pytest.mark.django_db
def test_landing_upcoming_events_cost_the_same_queries_whatever_the_number_of_events(client, home):
    client.get("/")

    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    before = count_queries()
    start = timezone.now() + timedelta(days=1)
    for number in range(15):
        Event.objects.create(
            title=f"Событие {number}", start=start, end=start + timedelta(hours=1), live=True, audience="everyone"
        )
    assert count_queries() == before
