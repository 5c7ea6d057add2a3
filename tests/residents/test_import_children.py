"""The register import links a parent to their child when the file names the child's e-mail."""

import pytest

from residents.imports import import_residents
from residents.models import Membership

pytestmark = pytest.mark.django_db

HEADER = "Фамилия;Имя;Класс;Роль;E-mail;E-mail ребёнка\n"


def test_a_parent_row_links_the_child_named_in_the_file():
    rows = "Петрова;Ольга;;родитель;mother@example.org;anna@example.org\nПетрова;Анна;7А;ученица;anna@example.org;\n"
    report = import_residents((HEADER + rows).encode(), dry_run=False)
    assert report.ok, report.errors
    mother = Membership.objects.get(user__email="mother@example.org")
    assert [child.user.email for child in mother.children.all()] == ["anna@example.org"]
    again = import_residents((HEADER + rows).encode(), dry_run=False)
    assert (again.created, again.changed, again.unchanged) == ([], [], 2)


def test_an_unknown_child_is_an_error_of_its_line_and_nothing_is_imported():
    rows = "Петрова;Ольга;;родитель;mother@example.org;nobody@example.org\n"
    report = import_residents((HEADER + rows).encode(), dry_run=False)
    assert report.errors == [(2, "обучающийся с адресом nobody@example.org не найден ни в файле, ни среди резидентов")]
    assert not Membership.objects.exists()


def test_only_a_parent_names_a_child():
    rows = "Петрова;Анна;7А;ученица;anna@example.org;x@example.org\n"
    report = import_residents((HEADER + rows).encode(), dry_run=True)
    assert report.errors == [(2, "e-mail ребёнка указывают только для родителя")]
