"""The bank's search rows follow the pages, and cached searches follow the rows."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from bank.models import FacetTotal, SolutionBankPage, SolutionRow
from bank.search.facet_keys import FACETS, SPAN, facet_key, solution_keys, split_key
from bank.search.selectors import solutions_search
from residents.audiences import Audience
from search import engine
from tests.bank.conftest import make_solution


def _search(**params):
    return solutions_search(user=None, params=params)


def _titles(**params) -> list[str]:
    return [solution.title for solution in _search(**params).results]


def test_a_facet_key_packs_and_unpacks_each_facet():
    for facet in FACETS:
        for value in (1, 11, 2023, SPAN - 1):
            assert split_key(facet_key(facet, value)) == (facet, value)


def test_a_solution_has_a_key_for_each_subject_grade_year_type_and_tag():
    keys = solution_keys(subjects=[3], grade_from=7, grade_to=9, year=2023, project_type_id=2, tags=[5, 6])
    assert sorted(split_key(key) for key in keys) == [
        ("grade", 7),
        ("grade", 8),
        ("grade", 9),
        ("subject", 3),
        ("tag", 5),
        ("tag", 6),
        ("type", 2),
        ("year", 2023),
    ]


@pytest.mark.django_db
def test_publishing_writes_the_row_with_the_facets_saved_with_the_page(bank):
    solution = make_solution(bank, title="Метеостанция", subject="physics", grades=(8, 9), tags=("погода",))
    row = SolutionRow.objects.get(page=solution)
    assert row.live and row.path == solution.path and row.audience == solution.audience
    facets = {split_key(key)[0] for key in row.facet_keys}
    assert facets == {"subject", "grade", "year", "type", "tag"}
    found = _search(q="метеостанции", tag="погода", grade=9)
    assert [item.title for item in found.results] == ["Метеостанция"]
    assert [(value.value, value.count) for value in found.facets["subject"]] == [("physics", 1)]


@pytest.mark.django_db
def test_unpublishing_takes_the_solution_out_of_results_and_counts(bank):
    solution = make_solution(bank, title="Сезонный проект", text="гербарий")
    assert _search(q="гербарий").count == 1
    solution.refresh_from_db()
    solution.unpublish()
    found = _search(q="гербарий")
    assert found.count == 0 and found.facets["subject"] == []


@pytest.mark.django_db
def test_editing_tags_and_republishing_changes_the_counts_of_a_cached_search(bank):
    solution = make_solution(bank, title="Школьный сад", text="саженцы", tags=("сад",))
    assert [value.label for value in _search(q="саженцы").facets["tag"]] == ["сад"]
    solution.tags.set(["огород"])
    solution.save_revision().publish()
    assert [value.label for value in _search(q="саженцы").facets["tag"]] == ["огород"]


@pytest.mark.django_db
def test_deleting_a_solution_drops_it_from_a_cached_search(bank):
    kept = make_solution(bank, title="Остаётся", text="скворечник")
    deleted = make_solution(bank, title="Удаляется", text="скворечник")
    assert _search(q="скворечник").count == 2
    deleted.delete()
    assert not SolutionRow.objects.filter(page_id=deleted.pk).exists()
    assert _titles(q="скворечник") == [kept.title]


@pytest.mark.django_db
def test_a_repeated_search_is_answered_from_the_cache(bank):
    make_solution(bank, title="Кормушка", text="птицы")
    _search(q="птицы", grade=7)
    with CaptureQueriesContext(connection) as queries:
        assert _titles(q="птицы", grade=7) == ["Кормушка"]
    assert not any("WITH m AS" in query["sql"] for query in queries)
    make_solution(bank, title="Кормушка-2", text="птицы")
    assert sorted(_titles(q="птицы", grade=7)) == ["Кормушка", "Кормушка-2"]


@pytest.mark.django_db
def test_moving_a_bank_moves_the_paths_of_its_solutions(bank, empty_home):
    solution = make_solution(bank, title="Переезд", text="переезд")
    section = empty_home.add_child(instance=Page(title="Архив", slug="archive"))
    Page.objects.get(pk=bank.pk).move(section, pos="last-child")
    solution.refresh_from_db()
    assert SolutionRow.objects.get(page=solution).path == solution.path
    moved = SolutionBankPage.objects.get(pk=bank.pk)
    assert [item.title for item in solutions_search(user=None, params={"q": "переезд"}, within=moved).results] == [
        "Переезд"
    ]


@pytest.mark.django_db
def test_update_index_rebuilds_the_rows(bank):
    make_solution(bank, title="Восстановление", text="резервная копия")
    SolutionRow.objects.all().delete()
    assert _search(q="копия").count == 0
    call_command("update_index", verbosity=0)
    assert _titles(q="копия") == ["Восстановление"]


@pytest.mark.django_db
def test_an_external_engines_order_is_kept_and_filtered_by_visibility(bank, monkeypatch):
    """Elasticsearch answers with ids in its own order; the rows apply visibility and facets to them."""
    first = make_solution(bank, title="Первый", text="внешний")
    hidden = make_solution(bank, title="Скрытый", text="внешний", audience="staff")
    second = make_solution(bank, title="Второй", text="внешний")
    ranked = [second.pk, hidden.pk, first.pk]
    monkeypatch.setattr(engine, "row_match", lambda model, query: engine._ordered_ids_match(ranked))
    found = _search(q="внешний")
    assert [item.title for item in found.results] == ["Второй", "Первый"]
    assert found.count == 2


def _subjects(found) -> dict[str, int]:
    return {value.value: value.count for value in found.facets["subject"]}


@pytest.mark.django_db
def test_browsing_the_whole_bank_reads_totals_that_follow_every_change(bank, django_user_model):
    staff = django_user_model.objects.create_user("methodist", is_staff=True)
    public = make_solution(bank, title="Открытое", subject="physics", tags=("погода",))
    internal = make_solution(bank, title="Для своих", subject="biology", audience=Audience.INTERNAL)
    assert FacetTotal.objects.filter(key=0).count() == 2  # one total per audience of the bank
    anonymous = _search()
    assert anonymous.count == 1 and _subjects(anonymous) == {"physics": 1}
    assert [value.label for value in anonymous.facets["tag"]] == ["погода"]
    assert _subjects(solutions_search(user=staff, params={})) == {"physics": 1, "biology": 1}

    internal.refresh_from_db()
    internal.unpublish()
    assert solutions_search(user=staff, params={}).count == 1
    public.delete()
    assert _search().count == 0 and _search().facets["subject"] == []


@pytest.mark.django_db
def test_whole_bank_counts_equal_the_counted_ones(bank_demo):
    """Each value's total, read when browsing, is the number of solutions its filter finds (counted)."""
    everything = _search()
    assert everything.count == 63 == sum(value.count for value in everything.facets["year"])
    for facet, values in everything.facets.items():
        for value in values:
            assert _search(**{facet: value.value}).count == value.count, (facet, value.value)


@pytest.mark.django_db
def test_update_index_counts_the_totals_afresh(bank):
    make_solution(bank, title="Итоги", subject="physics")
    FacetTotal.objects.update(count=99)
    call_command("update_index", verbosity=0)
    assert _search().count == 1 and _subjects(_search()) == {"physics": 1}


@pytest.mark.django_db
def test_a_view_restriction_hides_solutions_from_whole_bank_counts_until_lifted(
    bank, django_capture_on_commit_callbacks
):
    make_solution(bank, title="Открытое", subject="physics")
    hidden = make_solution(bank, title="Под паролем", subject="biology", restricted=True)
    assert SolutionRow.objects.get(page=hidden).restricted
    browsed = _search()
    assert browsed.count == 1 and _subjects(browsed) == {"physics": 1}
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=hidden).delete()
    assert _subjects(_search()) == {"physics": 1, "biology": 1}


@pytest.mark.django_db
def test_deleting_a_restricted_bank_leaves_no_rows_and_no_totals(bank, django_capture_on_commit_callbacks):
    make_solution(bank, title="В закрытом банке", subject="physics")
    PageViewRestriction.objects.create(page=bank, restriction_type=PageViewRestriction.PASSWORD, password="x")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=bank.pk).delete()
    assert not SolutionRow.objects.exists()
    assert not FacetTotal.objects.filter(count__gt=0).exists()
