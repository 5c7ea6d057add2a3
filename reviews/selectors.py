"""Reads of expert evaluation: an expert's desk, an item's reviews and their aggregate, published results."""

import statistics
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Model, QuerySet
from django.utils import timezone
from wagtail.models import Page

from residents.models import Membership
from residents.selectors import User, can_view, items_visible, pages_visible
from reviews.models import Assignment, Expert, Result, Review, TieKind
from reviews.registry import kind_of, students_of


def expert_of(*, user: User) -> Expert | None:
    """The active expert record of the user, or None: the desk is open only to them."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    expert = Expert.objects.filter(user=user, active=True).select_related("partner").first()
    if expert is not None and expert.partner_id and not expert.partner.contract_valid_on(timezone.localdate()):
        return None  # a partner's representative works while the partner's contract runs
    return expert


def is_expert(*, user: User) -> bool:
    return expert_of(user=user) is not None


def children_of_expert(expert: Expert) -> frozenset[int]:
    """User ids of the expert's children: the parent link of their residency, and the ties they declared."""
    linked = Membership.objects.filter(parents__user_id=expert.user_id).values_list("user_id", flat=True)
    declared = expert.ties.filter(kind=TieKind.CHILD).values_list("student__user_id", flat=True)
    return frozenset(linked) | frozenset(declared)


def students_of_expert(expert: Expert) -> frozenset[int]:
    """User ids of the expert's students: those they tutor in any item that records it, and declared ties."""
    declared = expert.ties.filter(kind=TieKind.STUDENT).values_list("student__user_id", flat=True)
    return students_of(expert.user_id) | frozenset(declared)


def assignments_of_expert(*, user: User) -> QuerySet[Assignment]:
    """The caller's own assignments, those waiting first, with their review if sent."""
    return (
        Assignment.objects.filter(expert__user=user, expert__active=True)
        .select_related("rubric", "content_type", "review")
        .prefetch_related("item", "rubric__criteria", "review__scores")
        .order_by(F("review__submitted_at").asc(nulls_first=True), F("due_on").asc(nulls_last=True), "pk")
    )


def assignment_of_expert(*, user: User, assignment_id: int) -> Assignment | None:
    return assignments_of_expert(user=user).filter(pk=assignment_id).first()


def item_of(assignment) -> Model | None:
    """The reviewed item, its specific class for pages; None when it was deleted."""
    item = assignment.item
    return item.specific if isinstance(item, Page) else item


def item_key(item: Model) -> dict:
    return {"content_type": ContentType.objects.get_for_model(item, for_concrete_model=False), "object_id": item.pk}


def assignments_of_item(item: Model) -> QuerySet[Assignment]:
    return (
        Assignment.objects.filter(**item_key(item_concrete(item)))
        .select_related("expert", "rubric", "review")
        .order_by("pk")
    )


def item_concrete(item: Model) -> Model:
    """Pages are assigned by their specific class: one content type per item whatever class the caller holds."""
    return item.specific if isinstance(item, Page) else item


def all_reviews_in(item: Model) -> bool:
    assignments = list(assignments_of_item(item))
    return bool(assignments) and all(hasattr(a, "review") for a in assignments)


def reviews_shown_to(*, assignment: Assignment, user: User) -> list[Review]:
    """The other experts' reviews of the item: shown to an expert only once every assigned expert has sent theirs.

    Blind review: until then each expert sees only their own.
    """
    if assignment.expert.user_id != user.pk or not hasattr(assignment, "review"):
        return []
    others = list(
        Assignment.objects.filter(content_type=assignment.content_type, object_id=assignment.object_id)
        .exclude(pk=assignment.pk)
        .select_related("review")
    )
    if not all(hasattr(other, "review") for other in others):
        return []
    return [other.review for other in others]


@dataclass(frozen=True)
class Aggregate:
    assigned: int
    submitted: int
    score: float | None
    spread: float | None
    threshold: int | None

    @property
    def complete(self) -> bool:
        return self.assigned > 0 and self.submitted == self.assigned

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.threshold is not None and self.spread > self.threshold


def aggregate_of(assignments: list[Assignment]) -> Aggregate:
    """The mean of the experts' weighted totals (each 0-100) and their spread (highest minus lowest)."""
    scores = [a.review.score for a in assignments if hasattr(a, "review")]
    threshold = assignments[0].rubric.disagreement_threshold if assignments else None
    return Aggregate(
        assigned=len(assignments),
        submitted=len(scores),
        score=round(statistics.fmean(scores), 1) if scores else None,
        spread=round(max(scores) - min(scores), 1) if scores else None,
        threshold=threshold,
    )


def aggregate_of_item(item: Model) -> Aggregate:
    return aggregate_of(list(assignments_of_item(item)))


@dataclass(frozen=True)
class ItemUnderReview:
    item: Model | None
    assignments: list[Assignment]
    aggregate: Aggregate
    result: Result | None


def items_under_review() -> list[ItemUnderReview]:
    """For editors: every item with assignments, its aggregate and its published result, newest first."""
    assignments = Assignment.objects.select_related("expert", "rubric", "review", "content_type").order_by("-pk")
    grouped: dict[tuple[int, int], list[Assignment]] = {}
    for assignment in assignments:
        grouped.setdefault((assignment.content_type_id, assignment.object_id), []).append(assignment)
    results = {(r.content_type_id, r.object_id): r for r in Result.objects.all()}
    return [
        ItemUnderReview(item_of(group[0]), group, aggregate_of(group), results.get(key))
        for key, group in grouped.items()
    ]


def result_of(item: Model) -> Result | None:
    """The published result of an item (for its page), or None."""
    return Result.objects.filter(**item_key(item_concrete(item))).first()


def results_visible(*, user: User) -> list[Result]:
    """Published results of the items the user may see, newest first."""
    results = list(Result.objects.select_related("content_type").order_by("-published_at", "pk"))
    by_type: dict[int, set[int]] = {}
    for result in results:
        by_type.setdefault(result.content_type_id, set()).add(result.object_id)
    visible: set[tuple[int, int]] = set()
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        queryset = model.objects.filter(pk__in=ids)
        kind = kind_of(model)
        if kind is not None and kind.visible is not None:
            shown = kind.visible(queryset, user=user)
        elif issubclass(model, Page):
            shown = pages_visible(queryset, user=user)
        else:
            shown = items_visible(queryset, user=user)
        visible.update((type_id, pk) for pk in shown.values_list("pk", flat=True))
    return [r for r in results if (r.content_type_id, r.object_id) in visible]


def may_see_item(item: Model | None, *, user: User) -> bool:
    if item is None:
        return False
    kind = kind_of(item)
    if kind is not None and kind.visible is not None:
        return kind.visible(type(item).objects.filter(pk=item.pk), user=user).exists()
    return can_view(item, user=user)


def may_manage_reviews(*, user: User) -> bool:
    """Editors who assign experts and publish results: the permission to add assignments (superusers have it)."""
    return bool(user and user.is_authenticated and user.has_perm("reviews.add_assignment"))
