"""The bank's pages, the landing's featured solutions and reindexing."""

import datetime
import io

import pytest
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase

from bank.models import SolutionBankPage, SolutionPage
from bank.search.selectors import solutions_search
from pages.models import HomePage
from residents.audiences import Audience
from tests.bank.conftest import make_solution


class TreeRules(WagtailPageTestCase):
    def test_solutions_live_only_in_a_bank_and_the_bank_under_the_landing(self):
        self.assertAllowedParentPageTypes(SolutionPage, {SolutionBankPage})
        self.assertAllowedSubpageTypes(SolutionPage, {})
        self.assertAllowedSubpageTypes(SolutionBankPage, {SolutionPage})
        self.assertAllowedParentPageTypes(SolutionBankPage, {HomePage})


@pytest.mark.django_db
def test_a_solution_page_shows_everything_needed_to_reuse_it(client, bank):
    solution = make_solution(bank, title="Умная теплица", text="Рассада погибала", tags=("arduino",))
    html = client.get(solution.url).text
    for text in ["Умная теплица", "Проблема", "Рассада погибала", "Цель", "Результат", "CC BY 4.0", "arduino"]:
        assert text in html
    assert 'rel="license"' in html


@pytest.mark.django_db
def test_the_landing_shows_featured_then_newest_visible_solutions(client, bank, empty_home):
    make_solution(bank, title="Старое избранное", published_date=datetime.date(2020, 1, 1))
    SolutionPage.objects.filter(title="Старое избранное").update(featured=True)
    make_solution(bank, title="Новое решение", published_date=datetime.date(2025, 1, 1))
    make_solution(
        bank, title="Решение для сотрудников", audience=Audience.STAFF, published_date=datetime.date(2026, 1, 1)
    )
    empty_home.body = [
        {"type": "featured_solutions", "value": {"title": "Из банка решений", "count": 3, "empty_text": "Пусто"}}
    ]
    empty_home.save_revision().publish()
    html = client.get("/").text
    assert html.index("Старое избранное") < html.index("Новое решение")
    assert "Решение для сотрудников" not in html and "Пусто" not in html


@pytest.mark.django_db
def test_update_index_rebuilds_the_search_index(bank):
    make_solution(bank, title="Умная теплица", text="датчики")
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert solutions_search(user=None, params={"q": "теплицами"}).count == 1
