"""Writes with rules: assigning an expert, submitting a review, publishing the result, reminding.

A refused write raises ReviewError with a message for the person and changes nothing.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Model, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from residents.selectors import User
from reviews.models import Assignment, Expert, Result, Review, Rubric, Score
from reviews.models.assignments import COMMENT_MAX_LENGTH
from reviews.notifications import remind
from reviews.registry import kind_of
from reviews.selectors import (
    aggregate_of,
    assignments_of_item,
    children_of_expert,
    item_concrete,
    item_key,
    item_of,
    students_of_expert,
)


class ReviewError(Exception):
    """A rule of expert evaluation was broken; `message` says which. `field` names the input at fault, if any."""

    def __init__(self, message, *, code: str, field: str = ""):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code
        self.field = field


def conflict_of_interest(*, expert: Expert, item: Model) -> str | None:
    """Why the expert may not review the item, or None: they tutored, consulted or curated it, are in its team,
    or its team has their child (the parent link of residents, or a tie the expert declared) or their student
    (a student whose tutor they are in a project or a solution, or a declared tie)."""
    people = kind_of(item).people(item)
    if expert.user_id in people.mentors:
        return str(_("Эксперт был наставником (тьютором или консультантом) или куратором этой работы."))
    if expert.user_id in people.team:
        return str(_("Эксперт — участник команды этой работы."))
    if not people.team:
        return None
    if people.team & children_of_expert(expert):
        return str(_("В команде этой работы — ребёнок эксперта."))
    if people.team & students_of_expert(expert):
        return str(_("В команде этой работы — ученик эксперта: эксперт — его тьютор или педагог."))
    return None


def assignment_create(*, item: Model, expert: Expert, rubric: Rubric, by: User, due_on=None) -> Assignment:
    """Assigns the expert to the item with the rubric; refuses a conflict of interest with its reason."""
    item = item_concrete(item)
    kind = kind_of(item)
    if kind is None:
        raise ReviewError(_("Эту работу нельзя отправить на экспертизу."), code="kind", field="item")
    if rubric.kind != kind.rubric_kind:
        raise ReviewError(
            _("Рубрика «%(rubric)s» — для другого вида работ.") % {"rubric": rubric}, code="rubric", field="rubric"
        )
    if not expert.active:
        raise ReviewError(_("Эксперт %(name)s сейчас не работает.") % {"name": expert}, code="inactive")
    if reason := conflict_of_interest(expert=expert, item=item):
        raise ReviewError(
            _("%(name)s: конфликт интересов. %(reason)s") % {"name": expert, "reason": reason}, code="conflict"
        )
    with transaction.atomic():
        # Lock the item's assignments (not the nullable join to their reviews, which PostgreSQL cannot lock).
        existing = Assignment.objects.filter(**item_key(item)).select_for_update().select_related("rubric")
        other = existing.exclude(rubric=rubric).first()
        if other is not None:
            raise ReviewError(
                _("Эту работу уже оценивают по рубрике «%(rubric)s».") % {"rubric": other.rubric},
                code="rubric",
                field="rubric",
            )
        if existing.filter(expert=expert).exists():
            raise ReviewError(_("%(name)s уже назначен(а) на эту работу.") % {"name": expert}, code="duplicate")
        try:
            with transaction.atomic():
                return Assignment.objects.create(
                    expert=expert, rubric=rubric, assigned_by=by, due_on=due_on, **item_key(item)
                )
        except IntegrityError:
            raise ReviewError(
                _("%(name)s уже назначен(а) на эту работу.") % {"name": expert}, code="duplicate"
            ) from None


def _checked_scores(assignment: Assignment, scores: dict[int, int]) -> list[tuple]:
    criteria = list(assignment.rubric.criteria.all())
    known = {criterion.pk for criterion in criteria}
    for criterion_id in scores:
        if criterion_id not in known:
            raise ReviewError(
                _("Критерия № %(id)s нет в рубрике этой работы.") % {"id": criterion_id},
                code="criterion",
                field=f"scores.{criterion_id}",
            )
    checked = []
    for criterion in criteria:
        value = scores.get(criterion.pk)
        if value is None:
            raise ReviewError(
                _("Поставьте балл по критерию «%(name)s».") % {"name": criterion.name},
                code="missing",
                field=f"scores.{criterion.pk}",
            )
        if not criterion.scale_min <= value <= criterion.scale_max:
            raise ReviewError(
                _("Балл по критерию «%(name)s» должен быть от %(min)s до %(max)s.")
                % {"name": criterion.name, "min": criterion.scale_min, "max": criterion.scale_max},
                code="out_of_scale",
                field=f"scores.{criterion.pk}",
            )
        checked.append((criterion, value))
    return checked


def weighted_score(checked: list[tuple]) -> float:
    """Each criterion's points as a share of its scale, weighted, as a total out of 100."""
    weights = sum(criterion.weight for criterion, _value in checked)
    total = sum(
        criterion.weight * (value - criterion.scale_min) / (criterion.scale_max - criterion.scale_min)
        for criterion, value in checked
    )
    return round(100 * total / weights, 1)


def review_submit(*, assignment: Assignment, user: User, scores: dict[int, int], comment: str) -> Review:
    """The expert's review of their assignment: every criterion in its scale, a comment; sent once."""
    if assignment is None or user is None or assignment.expert.user_id != user.pk or not assignment.expert.active:
        raise ReviewError(_("Эта работа не назначена вам на экспертизу."), code="not_assigned")
    comment = (comment or "").strip()
    if not comment:
        raise ReviewError(_("Напишите комментарий к оценке."), code="required", field="comment")
    if len(comment) > COMMENT_MAX_LENGTH:
        raise ReviewError(
            _("Комментарий длиннее %(max)s знаков: сократите его.") % {"max": COMMENT_MAX_LENGTH},
            code="too_long",
            field="comment",
        )
    checked = _checked_scores(assignment, scores)
    with transaction.atomic():
        locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if Review.objects.filter(assignment=locked).exists():
            raise ReviewError(_("Вы уже отправили оценку этой работы."), code="submitted")
        review = Review.objects.create(assignment=locked, comment=comment, score=weighted_score(checked))
        Score.objects.bulk_create(Score(review=review, criterion=c, value=v) for c, v in checked)
    return review


def result_publish(*, item: Model, by: User, now=None) -> Result:
    """Publishes the item's aggregate once every assigned expert has sent a review; again replaces it."""
    item = item_concrete(item)
    assignments = list(assignments_of_item(item))
    aggregate = aggregate_of(assignments)
    if not aggregate.complete:
        raise ReviewError(
            _("Опубликовать можно, когда оценки пришли от всех экспертов: пока %(done)s из %(all)s.")
            % {"done": aggregate.submitted, "all": aggregate.assigned},
            code="incomplete",
        )
    names = [a.expert.name for a in assignments if a.expert.name_published]
    result, _created = Result.objects.update_or_create(
        **item_key(item),
        defaults={
            "rubric": assignments[0].rubric,
            "score": aggregate.score,
            "spread": aggregate.spread,
            "expert_count": aggregate.assigned,
            "disagreement": aggregate.disagreement,
            "expert_names": names,
            "published_at": now or timezone.now(),
            "published_by": by,
        },
    )
    return result


def result_withdraw(*, item: Model) -> None:
    Result.objects.filter(**item_key(item_concrete(item))).delete()


REMIND_AGAIN_AFTER = datetime.timedelta(days=1)


def reminders_due(*, now, horizon: datetime.timedelta) -> list[Assignment]:
    """Assignments without a review, due within `horizon` (or without a date), not reminded in the last day."""
    last_day = timezone.localdate(now) + horizon
    return list(
        Assignment.objects.filter(review__isnull=True, expert__active=True)
        .filter(Q(due_on__isnull=True) | Q(due_on__lte=last_day))
        .filter(Q(reminded_at__isnull=True) | Q(reminded_at__lte=now - REMIND_AGAIN_AFTER))
        .select_related("expert__user", "rubric", "content_type")
        .order_by(F("due_on").asc(nulls_last=True), "pk")
    )


def reminder_send(*, assignment: Assignment, now) -> bool:
    item = item_of(assignment)
    if item is None:
        return False
    if not remind(assignment, title=str(item)):
        return False
    Assignment.objects.filter(pk=assignment.pk).update(reminded_at=now)
    return True
