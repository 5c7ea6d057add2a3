import datetime
import itertools

import pytest
from wagtail.models import PageViewRestriction

from bank.demo.loader import ensure_bank, ensure_taxonomies
from bank.models import SolutionBankPage, SolutionPage, TeamMember
from residents.audiences import Audience

_numbers = itertools.count(1)


@pytest.fixture
def bank_demo(home) -> SolutionBankPage:
    """The bank of the demo site, with its 63 demo solutions."""
    return SolutionBankPage.objects.child_of(home).get()


@pytest.fixture
def bank(empty_home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ensure_taxonomies()
        return ensure_bank(empty_home, report=lambda line: None)


def make_solution(
    bank,
    *,
    title: str = "Проект",
    text: str = "",
    audience: str = Audience.EVERYONE,
    publish: bool = True,
    subject: str = "informatics",
    grades: tuple[int, int] = (7, 8),
    year: int = 2023,
    collective: bool = True,
    tags: tuple[str, ...] = (),
    team: tuple[tuple[str, bool], ...] = (),
    restricted: bool = False,
    published_date: datetime.date | None = None,
) -> SolutionPage:
    """A solution under `bank`; published unless told otherwise, indexed like an editor's save indexes it."""
    subjects, types = ensure_taxonomies()
    number = next(_numbers)
    solution = SolutionPage(
        title=title,
        slug=f"test-solution-{number}",
        summary=f"{title}. {text}".strip(),
        problem=text or "Проблема",
        goal="Цель работы",
        result="Результат работы",
        grade_from=grades[0],
        grade_to=grades[1],
        academic_year=year,
        project_type=types[collective],
        audience=audience,
        published_date=published_date or datetime.date(2024, 5, 1),
        live=False,
    )
    solution.subjects = [subjects[subject]]
    solution.tags.add(*tags)
    for name, consent in team:
        solution.team.add(TeamMember(display_name=name, consent=consent))
    bank.add_child(instance=solution)
    if publish:
        solution.save_revision().publish()
    else:
        solution.save_revision()
    if restricted:
        PageViewRestriction.objects.create(page=solution, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return solution
