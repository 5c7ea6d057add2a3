"""Which items experts review, and who stands too close to each to review it.

An item is any model instance: the assignment keeps its content type and id. Each kind names its model by
label, the rubric kind it takes, where its people are recorded and, where it records tutoring, whose tutor a
user is (a student tutored in one item is that tutor's student for every other item). Projects from the
projects workspace are registered here too; their people are read from the project as the workspace keeps them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models

from reviews.models.rubrics import RubricKind


@dataclass(frozen=True)
class ItemPeople:
    """User ids of the adults who guided the item (tutors, consultants, curators) and of its team's students."""

    mentors: frozenset[int] = frozenset()
    team: frozenset[int] = frozenset()


def _ids(*values) -> frozenset[int]:
    return frozenset(value for value in values if value)


def solution_people(solution) -> ItemPeople:
    """The bank records the solution's tutor (a Person, maybe with an account) and its team's student accounts."""
    tutor_user = solution.tutor.user_id if solution.tutor_id else None
    team = [member.resident.user_id for member in solution.team.select_related("resident") if member.resident_id]
    return ItemPeople(mentors=_ids(tutor_user), team=_ids(*team))


def solution_students(user_id: int) -> Iterable[int]:
    """Students in the teams of solutions the user was the tutor of."""
    team_member = apps.get_model("bank", "TeamMember")
    return team_member.objects.filter(page__tutor__user_id=user_id, resident__isnull=False).values_list(
        "resident__user_id", flat=True
    )


def exhibition_people(exhibition) -> ItemPeople:
    return ItemPeople(mentors=_ids(exhibition.curator.user_id if exhibition.curator_id else None))


def project_people(project) -> ItemPeople:
    """The projects workspace records the tutor, the consultants (accounts) and the team (student accounts)."""
    consultants = project.consultants.values_list("pk", flat=True)
    team = project.members.values_list("user_id", flat=True)
    return ItemPeople(mentors=_ids(project.tutor_id, *consultants), team=_ids(*team))


def project_students(user_id: int) -> Iterable[int]:
    """Students in the teams of projects the user tutors: the user is their tutor."""
    member = apps.get_model("projects", "ProjectMember")
    return member.objects.filter(project__tutor_id=user_id).values_list("user_id", flat=True)


def projects_shown(queryset: models.QuerySet, *, user) -> models.QuerySet:
    """The projects of `queryset` this user may open, as the workspace decides it."""
    from projects.selectors import projects_visible

    return queryset.filter(pk__in=projects_visible(user=user).values("pk"))


def no_people(item) -> ItemPeople:
    return ItemPeople()


def no_students(user_id: int) -> Iterable[int]:
    return ()


@dataclass(frozen=True)
class ReviewedKind:
    model_label: str
    rubric_kind: str
    people: Callable[[models.Model], ItemPeople] = field(default=no_people)
    students_of: Callable[[int], Iterable[int]] = field(default=no_students)
    # Who may see an item's published result, when the model's `audience` and `live` do not say it all.
    visible: Callable[..., models.QuerySet] | None = None

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)


KINDS: dict[str, ReviewedKind] = {}


def register(kind: ReviewedKind) -> None:
    KINDS[kind.model_label.lower()] = kind


def kind_of(item_or_model) -> ReviewedKind | None:
    """The kind of an instance or a model class (a page's specific class), or None when experts do not review it."""
    return KINDS.get(item_or_model._meta.label_lower)


def reviewed_models() -> list[type[models.Model]]:
    return [kind.model for kind in KINDS.values()]


def students_of(user_id: int) -> frozenset[int]:
    """User ids of the students this user is the tutor of, in any kind of item that records tutoring."""
    return frozenset(pk for kind in KINDS.values() for pk in kind.students_of(user_id))


register(ReviewedKind("bank.SolutionPage", RubricKind.SOLUTION, solution_people, solution_students))
register(ReviewedKind("exhibitions.ExhibitionPage", RubricKind.EXHIBITION, exhibition_people))
register(ReviewedKind("support.MaterialPage", RubricKind.MATERIAL))
register(ReviewedKind("projects.Project", RubricKind.PROJECT, project_people, project_students, projects_shown))
