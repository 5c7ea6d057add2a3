"""Builders for expert evaluation: experts with accounts, rubrics, a solution to review, reviews sent."""

import itertools

import pytest

from bank.models import TeamMember
from people.models import Person
from residents.models import Partner
from residents.roles import Role
from reviews.models import Criterion, Expert, ExpertKind, ExpertTie, Rubric, RubricKind, TieKind
from reviews.services import assignment_create, review_submit
from tests.access.users import days, make_user
from tests.bank.conftest import bank, make_solution  # noqa: F401 (the `bank` fixture)

_numbers = itertools.count(1)
COMMENT = "Решение продумано, результат соответствует цели."


def make_expert(name: str = "Елена Викторовна Смирнова", *, published: bool = False, external: bool = False, **extra):
    number = next(_numbers)
    user = make_user(f"expert-{number}")
    partner = None
    if external:
        partner = Partner.objects.create(
            name="Университет-партнёр", contract_number=f"Э-{number}", contract_start=days(-30), contract_end=days(300)
        )
    kind = ExpertKind.EXTERNAL if external else ExpertKind.INTERNAL
    return Expert.objects.create(user=user, name=name, kind=kind, partner=partner, name_published=published, **extra)


def make_rubric(kind: str = RubricKind.SOLUTION, *, threshold: int = 20, criteria=((0, 5, 3), (0, 5, 1))) -> Rubric:
    """A rubric with criteria given as (scale_min, scale_max, weight)."""
    rubric = Rubric(title=f"Рубрика {next(_numbers)}", kind=kind, disagreement_threshold=threshold)
    rubric.criteria = [
        Criterion(name=f"Критерий {number}", scale_min=low, scale_max=high, weight=weight)
        for number, (low, high, weight) in enumerate(criteria, start=1)
    ]
    rubric.save()
    return rubric


def tie(expert: Expert, student_user, kind: str = TieKind.CHILD) -> ExpertTie:
    return ExpertTie.objects.create(expert=expert, student=student_user.membership, kind=kind)


def add_team_student(solution, student_user, name: str = "Анна К.") -> None:
    TeamMember.objects.create(page=solution, display_name=name, consent=True, resident=student_user.membership)


def make_tutor(solution, user) -> Person:
    person = Person.objects.create(name="Ольга Тьютор", role=Role.TUTOR, user=user)
    solution.tutor = person
    solution.save_revision().publish()
    return person


def scores_for(rubric: Rubric, *values: int) -> dict[int, int]:
    return dict(zip([c.pk for c in rubric.criteria.all()], values, strict=True))


def submit(assignment, *values: int, comment: str = COMMENT):
    return review_submit(
        assignment=assignment,
        user=assignment.expert.user,
        scores=scores_for(assignment.rubric, *values),
        comment=comment,
    )


@pytest.fixture
def solution(bank):  # noqa: F811 (the bank fixture imported above)
    return make_solution(bank, title="Школьная метеостанция", text="Датчики и открытые данные")


@pytest.fixture
def rubric():
    return make_rubric()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("reviews-editor", "reviews-editor@example.org", "correct-horse-9")


@pytest.fixture
def two_assignments(solution, rubric, editor):
    """Two experts assigned to the solution, nobody has reviewed yet."""
    first = assignment_create(item=solution, expert=make_expert("Анна Эксперт"), rubric=rubric, by=editor)
    second = assignment_create(
        item=solution, expert=make_expert("Борис Эксперт", published=True), rubric=rubric, by=editor
    )
    return first, second
