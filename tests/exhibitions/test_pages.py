"""What a visitor sees of an exhibition: its halls, each exhibit at its own address, previous and next."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exhibitions.models import Exhibit, ExhibitionIndexPage, ExhibitionPage
from pages.models import StandardPage
from tests.exhibitions.builders import exhibit_url, exhibits_of, make_exhibition

pytestmark = pytest.mark.django_db


def test_exhibition_page_shows_dates_curator_halls_and_links_to_every_exhibit(client, exhibition):
    html = client.get(exhibition.url).text
    assert "<h1>Экономика вокруг нас</h1>" in html
    assert "Мария Ивановна Тестова" in html
    assert "Зал 1" in html and "Зал 2" in html
    for exhibit in exhibits_of(exhibition):
        assert f'href="{exhibit_url(exhibition, exhibit)}"' in html
        assert exhibit.title in html
    assert "<dialog" in html, "the lightbox is there for visitors with JavaScript"


def test_each_exhibit_has_its_own_page_with_media_authors_and_description(client, exhibition):
    exhibit = exhibits_of(exhibition)[1]
    response = client.get(exhibit_url(exhibition, exhibit))
    assert response.status_code == 200
    html = response.text
    assert "<h1>Экспонат 2</h1>" in html
    assert "Автор 2" in html
    assert "Описание экспоната 2" in html
    assert 'alt="Рисунок к экспонату 2"' in html
    assert "Экспонат 2 из 6" in html
    assert "<title>Экспонат 2 — Экономика вокруг нас" in html


def test_exhibits_link_previous_and_next_in_hall_order_from_first_to_last(client, exhibition):
    exhibits = exhibits_of(exhibition)
    url = exhibit_url(exhibition, exhibits[0])
    visited = []
    for _ in range(len(exhibits) + 1):
        html = client.get(url).text
        visited.append(html.split("<h1>")[1].split("</h1>")[0])
        if 'rel="next"' not in html:
            break
        url = html.split('<link rel="next" href="')[1].split('"')[0]
        assert f'<a class="exhibit-nav__link exhibit-nav__link--next" rel="next" href="{url}"' in html
    assert visited == [exhibit.title for exhibit in exhibits]
    first = client.get(exhibit_url(exhibition, exhibits[0])).text
    assert 'rel="prev"' not in first
    last = client.get(exhibit_url(exhibition, exhibits[-1])).text
    assert f'<link rel="prev" href="{exhibit_url(exhibition, exhibits[-2])}">' in last
    assert "Вернуться к выставке" in last


def test_an_exhibit_of_another_exhibition_or_a_missing_one_answers_404(client, empty_home, exhibition):
    other = make_exhibition(empty_home, title="Другая", slug="other")
    foreign = exhibits_of(other)[0]
    assert client.get(exhibit_url(exhibition, foreign)).status_code == 404
    assert client.get(exhibition.url + "exhibit/999999/").status_code == 404
    assert client.get(exhibition.url + "exhibit/abc/").status_code == 404


def test_authors_without_consent_never_appear(client, exhibition):
    exhibit = exhibits_of(exhibition)[0]
    Exhibit.objects.filter(pk=exhibit.pk).update(authors="Иван Иванов", authors_consent=False)
    assert "Иван Иванов" not in client.get(exhibit_url(exhibition, exhibit)).text
    assert "Иван Иванов" not in client.get(exhibition.url).text


def test_a_video_exhibit_plays_from_rutube_without_asking_the_host(client, exhibition):
    exhibit = exhibits_of(exhibition)[0]
    url = "https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/"
    Exhibit.objects.filter(pk=exhibit.pk).update(video_url=url, model_url="https://example.org/model/")
    html = client.get(exhibit_url(exhibition, exhibit)).text
    assert 'src="https://rutube.ru/play/embed/c6cc4d620b1d4338901770a44b3e82f4"' in html
    assert 'href="https://example.org/model/"' in html


@pytest.mark.parametrize("audience", ["residents", "internal", "staff"])
def test_an_exhibition_for_residents_is_hidden_from_anonymous_visitors(client, staff_client, empty_home, audience):
    page = make_exhibition(empty_home, title="Закрытая выставка", audience=audience)
    exhibit = exhibits_of(page)[0]
    for url in [page.url, exhibit_url(page, exhibit)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/account/login/"), url
    index_html = client.get(ExhibitionIndexPage.objects.get().url).text
    assert "Закрытая выставка" not in index_html
    assert staff_client.get(page.url).status_code == 200


def test_index_groups_open_coming_and_past_exhibitions(client, empty_home):
    make_exhibition(empty_home, title="Открытая сейчас")
    make_exhibition(empty_home, title="Будущая", opens_in_days=5, closes_in_days=40)
    make_exhibition(empty_home, title="Прошедшая", opens_in_days=-40, closes_in_days=-5)
    html = client.get(ExhibitionIndexPage.objects.get().url).text
    open_part, rest = html.split("Скоро откроются")
    coming_part, past_part = rest.split("Прошедшие выставки")
    assert "Открытая сейчас" in open_part and "Будущая" in coming_part and "Прошедшая" in past_part


def _queries(client, url) -> int:
    client.get(url)  # renditions are made on the first visit
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_exhibition_and_exhibit_pages_cost_the_same_queries_whatever_their_size(client, empty_home):
    small = make_exhibition(empty_home, title="Малая", slug="small", halls=1, exhibits=2)
    large = make_exhibition(empty_home, title="Большая", slug="large", halls=4, exhibits=8)
    assert _queries(client, small.url) == _queries(client, large.url)
    small_exhibit, large_exhibit = exhibits_of(small)[1], exhibits_of(large)[20]
    assert _queries(client, exhibit_url(small, small_exhibit)) == _queries(client, exhibit_url(large, large_exhibit))
    index_url = ExhibitionIndexPage.objects.get().url
    before = _queries(client, index_url)
    for number in range(5):
        make_exhibition(empty_home, title=f"Ещё {number}", slug=f"more-{number}")
    assert _queries(client, index_url) == before
    assert ExhibitionPage.objects.count() == 7


def test_sitemap_lists_only_exhibitions_open_to_everyone(client, staff_client, empty_home):
    public = make_exhibition(empty_home, title="Для всех", slug="public")
    make_exhibition(empty_home, title="Для резидентов", slug="for-residents", audience="residents")
    for visitor in [client, staff_client]:
        xml = visitor.get("/sitemap.xml").text
        assert f"{public.url}</loc>" in xml
        assert "for-residents" not in xml


def test_an_exhibit_links_to_its_solution_in_the_bank_while_that_page_is_live(client, empty_home, exhibition):
    solution = empty_home.add_child(instance=StandardPage(title="Решение: школьная кофейня", slug="cafe"))
    solution.save_revision().publish()
    exhibit = exhibits_of(exhibition)[0]
    Exhibit.objects.filter(pk=exhibit.pk).update(solution=solution)
    html = client.get(exhibit_url(exhibition, exhibit)).text
    assert f'href="{solution.url}"' in html and "Решение в открытом банке" in html
    solution.unpublish()
    assert "Решение в открытом банке" not in client.get(exhibit_url(exhibition, exhibit)).text


def test_low_vision_version_gives_the_description_of_images_instead_of_them(client, exhibition):
    client.get("/low-vision/on/")
    exhibit = exhibits_of(exhibition)[0]
    html = client.get(exhibit_url(exhibition, exhibit)).text
    assert "<img" not in html
    assert "Изображение: Рисунок к экспонату 1" in html
    exhibition_html = client.get(exhibition.url).text
    assert "<img" not in exhibition_html and "<dialog" not in exhibition_html
    assert exhibit_url(exhibition, exhibit) in exhibition_html
