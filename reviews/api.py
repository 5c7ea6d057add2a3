"""API v3 router `reviews`: the expert desk (my assignments, submitting a review) and published results.

The desk answers only active experts (401 for anonymous callers, 403 for signed-in people who are not
experts). Reviews stay blind: another expert's review appears in an assignment only once every expert of
the item has sent theirs. Published results are read by anyone who may see the item.
"""

import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from api.auth import SIGNED_IN
from api.errors import APIError, ErrorSchema
from api.pagination import ListParams, page_of, paged
from api.validation import Id
from reviews.models import Assignment, Result
from reviews.models.assignments import COMMENT_MAX_LENGTH
from reviews.registry import kind_of
from reviews.selectors import (
    assignment_of_expert,
    assignments_of_expert,
    expert_of,
    item_of,
    results_visible,
    reviews_shown_to,
)
from reviews.services import ReviewError, review_submit

router = Router(tags=["reviews"])

# The HTTP status of the refusals of `review_submit`: bad input is 422, a second submission 409.
SUBMIT_REFUSALS = {"not_assigned": 403, "submitted": 409}


class ReviewItemSchema(Schema):
    kind: str = Field(description="`solution`, `exhibition`, `material` or `project`")
    id: int
    title: str
    url: str | None = Field(description="The item's page, absolute; null for items without a page")


class ReviewCriterionSchema(Schema):
    id: int
    name: str
    description: str
    scale_min: int
    scale_max: int
    weight: int


class ReviewRubricSchema(Schema):
    id: int
    title: str
    description: str
    criteria: list[ReviewCriterionSchema]

    @staticmethod
    def resolve_criteria(rubric) -> list:
        return list(rubric.criteria.all())


class ReviewScoreSchema(Schema):
    criterion_id: int = Field(description="The criterion's id")
    value: int = Field(description="Whole points within the criterion's scale")


class ReviewOwnSchema(Schema):
    score: float = Field(description="Weighted total out of 100")
    comment: str
    submitted_at: datetime.datetime
    scores: list[ReviewScoreSchema]

    @staticmethod
    def resolve_scores(review) -> list[dict]:
        return [{"criterion_id": s.criterion_id, "value": s.value} for s in review.scores.all()]


class ReviewOtherSchema(Schema):
    score: float
    comment: str


class ReviewAssignmentSchema(Schema):
    id: int
    item: ReviewItemSchema | None = Field(description="Null when the item was deleted")
    rubric: ReviewRubricSchema
    due_on: datetime.date | None
    status: str = Field(description="`waiting` or `submitted`")
    review: ReviewOwnSchema | None = Field(description="The caller's own review, once sent")
    other_reviews: list[ReviewOtherSchema] = Field(
        description="The other experts' reviews: empty until every expert of the item has sent theirs"
    )

    @staticmethod
    def resolve_item(assignment: Assignment, context) -> dict | None:
        return item_data(item_of(assignment), context["request"])

    @staticmethod
    def resolve_status(assignment: Assignment) -> str:
        return "submitted" if hasattr(assignment, "review") else "waiting"

    @staticmethod
    def resolve_review(assignment: Assignment):
        return getattr(assignment, "review", None)

    @staticmethod
    def resolve_other_reviews(assignment: Assignment, context) -> list:
        return reviews_shown_to(assignment=assignment, user=context["request"].user)


class ReviewSubmitSchema(Schema):
    scores: list[ReviewScoreSchema] = Field(min_length=1, max_length=50, description="One score per criterion")
    comment: str = Field(max_length=COMMENT_MAX_LENGTH)


class ReviewResultSchema(Schema):
    item: ReviewItemSchema | None
    score: float = Field(description="The mean of the experts' weighted totals, out of 100")
    expert_count: int
    experts: list[str] = Field(description="Names of the experts who agreed to have them published")
    published_at: datetime.datetime

    @staticmethod
    def resolve_item(result: Result, context) -> dict | None:
        return item_data(result.item, context["request"])

    @staticmethod
    def resolve_experts(result: Result) -> list[str]:
        return list(result.expert_names)


class ReviewResultParams(ListParams):
    kind: str | None = Field(None, description="Only results of this kind of item")
    item: int | None = Field(None, description="Only the result of the item with this id")


def item_data(item, request) -> dict | None:
    if item is None:
        return None
    item = getattr(item, "specific", item)
    kind = kind_of(item)
    url = item.get_full_url(request) if hasattr(item, "get_full_url") else None
    return {"kind": kind.rubric_kind if kind else "", "id": item.pk, "title": str(item), "url": url}


def _kind_name(result: Result) -> str:
    kind = kind_of(result.content_type.model_class())
    return kind.rubric_kind if kind else ""


def _expert_required(request: HttpRequest) -> None:
    if expert_of(user=request.user) is None:
        raise APIError(403, _("Экспертный стол открыт только экспертам."), code="not_expert")


@router.get(
    "/assignments/",
    response={200: paged(ReviewAssignmentSchema), 403: ErrorSchema},
    auth=SIGNED_IN,
    url_name="reviews_assignments",
    summary="My assignments (expert desk)",
)
def assignments_list(request: HttpRequest, params: Query[ListParams]):
    """The caller's assignments, those waiting first; 403 for a caller who is not an active expert."""
    _expert_required(request)
    return page_of(assignments_of_expert(user=request.user), params)


@router.get(
    "/assignments/{assignment_id}/",
    response={200: ReviewAssignmentSchema, 403: ErrorSchema, 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="reviews_assignment",
    summary="One of my assignments",
)
def assignment_detail(request: HttpRequest, assignment_id: Id):
    _expert_required(request)
    assignment = assignment_of_expert(user=request.user, assignment_id=assignment_id)
    if assignment is None:
        raise APIError(404)
    return assignment


@router.post(
    "/assignments/{assignment_id}/review/",
    response={201: ReviewOwnSchema, 403: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="reviews_submit",
    summary="Submit my review",
)
def review_create(request: HttpRequest, assignment_id: Id, payload: ReviewSubmitSchema):
    """Sends the caller's review: every criterion of the rubric within its scale and a comment. 403 for an item
    not assigned to the caller, 409 when the review was already sent, 422 for bad scores or comment; a refused
    review writes nothing."""
    assignment = assignment_of_expert(user=request.user, assignment_id=assignment_id)
    if assignment is None:
        raise APIError(403, _("Эта работа не назначена вам на экспертизу."), code="not_assigned")
    scores: dict[int, int] = {}
    positions: dict[str, str] = {}
    for number, score in enumerate(payload.scores):
        if score.criterion_id in scores:
            field = f"scores.{number}.criterion_id"
            raise APIError(422, errors=[{"field": field, "code": "duplicate", "message": _("Критерий повторяется.")}])
        scores[score.criterion_id] = score.value
        positions[f"scores.{score.criterion_id}"] = f"scores.{number}.value"
    try:
        review = review_submit(assignment=assignment, user=request.user, scores=scores, comment=payload.comment)
    except ReviewError as error:
        status = SUBMIT_REFUSALS.get(error.code, 422)
        if status != 422:
            raise APIError(status, error.message, code=error.code) from error
        # The service names a score by its criterion; the client, by its place in the list it sent.
        field = positions.get(error.field, "scores" if error.field.startswith("scores") else error.field)
        errors = [{"field": field, "code": error.code, "message": error.message}]
        raise APIError(422, error.message, errors=errors) from error
    return Status(201, review)


@router.get(
    "/results/",
    response=paged(ReviewResultSchema),
    url_name="reviews_results",
    summary="Published expert evaluations",
)
def results_list(request: HttpRequest, params: Query[ReviewResultParams]):
    """Results editors published, newest first, of the items the caller may see."""
    results = results_visible(user=request.user)
    if params.kind:
        results = [
            r for r in results if (kind := kind_of(r.content_type.model_class())) and kind.rubric_kind == params.kind
        ]
    if params.item is not None:
        results = [r for r in results if r.object_id == params.item]
    return page_of(results, params)
