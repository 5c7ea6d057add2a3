"""Moving the search rows from the search app to the bank (search/0004, bank/0002) keeps every row and total.

The migrations run back and forth inside the test's transaction, which PostgreSQL's transactional DDL rolls
back with everything else; SQLite cannot alter tables inside a transaction (the same migrations were run
from a database at the previous migrations on SQLite by hand, and every test run migrates a new one).
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bank.models import BankTag, FacetTotal, SolutionPage, SolutionRow
from bank.search.selectors import solutions_search
from tests.bank.conftest import make_solution

BEFORE_THE_MOVE = [("bank", "0001_initial"), ("search", "0003_facet_totals")]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite alters no table inside a transaction"
)


def _migrate(targets=None) -> None:
    connection.check_constraints()  # fires the deferred foreign key checks, which would block ALTER TABLE
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def _count(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a fixed name)
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_moving_the_rows_to_the_bank_keeps_them_and_their_totals(bank):
    solution = make_solution(bank, title="Метеостанция", text="датчики давления", subject="physics")
    keys = SolutionRow.objects.get(page=solution).facet_keys
    totals = sorted(FacetTotal.objects.values_list("bank_path", "audience", "key", "count"))
    _migrate(BEFORE_THE_MOVE)
    assert _count("search_solutionrow") == 1 and _count("search_facettotal") == len(totals)
    assert ContentType.objects.filter(app_label="search", model="solutionrow").exists()
    _migrate()
    assert SolutionRow.objects.get(page=solution).facet_keys == keys
    assert sorted(FacetTotal.objects.values_list("bank_path", "audience", "key", "count")) == totals
    assert ContentType.objects.get_for_model(SolutionRow).app_label == "bank"
    found = solutions_search(user=None, params={"q": "датчиков", "subject": "physics"})
    assert [item.title for item in found.results] == ["Метеостанция"]


@pytest.mark.django_db
def test_moving_the_tags_to_the_bank_keeps_each_solutions_tags_and_their_ids(bank):
    """bank/0009–0011: the solutions' taggit tags become Russian bank tags under the same ids (the facet keys
    hold them), and back."""
    solution = make_solution(bank, title="Метеостанция", text="датчики давления", tags=("погода", "arduino"))
    keys = SolutionRow.objects.get(page=solution).facet_keys
    tags = dict(BankTag.objects.values_list("pk", "name"))
    _migrate([("bank", "0008_help_texts")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT t.id, t.name FROM taggit_tag t JOIN bank_solutiontag s ON s.tag_id = t.id")
        assert dict(cursor.fetchall()) == tags
    _migrate()
    assert dict(BankTag.objects.values_list("pk", "name")) == tags
    assert {tag.locale.language_code for tag in BankTag.objects.all()} == {"ru"}
    assert SolutionRow.objects.get(page=solution).facet_keys == keys
    assert {tag.name for tag in SolutionPage.objects.get(pk=solution.pk).tags.all()} == {"погода", "arduino"}
    found = solutions_search(user=None, params={"tag": "погода"})
    assert [item.title for item in found.results] == ["Метеостанция"]
    assert BankTag.objects.create(name="новая").pk > max(tags)  # the id sequence follows the copied ids
