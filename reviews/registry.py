"""Which items experts review, and who stands too close to each to review it.

An item is any model instance: the assignment keeps its content type and id. Each kind names its model by
label, the rubric kind it takes and where its people are recorded; an area that joins later (the projects
workspace) calls `register` from its `AppConfig.ready`.
"""

from collections.abc import Callable
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


def exhibition_people(exhibition) -> ItemPeople:
    return ItemPeople(mentors=_ids(exhibition.curator.user_id if exhibition.curator_id else None))


def no_people(item) -> ItemPeople:
    return ItemPeople()


@dataclass(frozen=True)
class ReviewedKind:
    model_label: str
    rubric_kind: str
    people: Callable[[models.Model], ItemPeople] = field(default=no_people)

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


register(ReviewedKind("bank.SolutionPage", RubricKind.SOLUTION, solution_people))
register(ReviewedKind("exhibitions.ExhibitionPage", RubricKind.EXHIBITION, exhibition_people))
register(ReviewedKind("support.MaterialPage", RubricKind.MATERIAL))
