"""The demo's expert evaluation for the stored API contracts: two experts, one item published, one waiting."""

from django.contrib.auth import get_user_model
from wagtail.models import APIToken

from bank.models import SolutionPage
from residents.audiences import Audience
from reviews.models import Assignment, Expert, Rubric, RubricKind
from reviews.services import assignment_create, result_publish, review_submit

COMMENT = "Решение продумано: результат соответствует цели, описано повторное использование."


def _expert(username: str, name: str, *, published: bool) -> Expert:
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    return Expert.objects.create(user=user, name=name, position="Методист ИМЦ", name_published=published)


def _review(assignment: Assignment, value: int) -> None:
    scores = {criterion.pk: value for criterion in assignment.rubric.criteria.all()}
    review_submit(assignment=assignment, user=assignment.expert.user, scores=scores, comment=COMMENT)


def expert_token() -> str:
    """A bearer token of an expert whose first solution is reviewed and published, and whose second waits."""
    editor = get_user_model().objects.create_superuser("contract-reviews-editor", "reviews@example.org", "x")
    rubric = Rubric.objects.filter(kind=RubricKind.SOLUTION).order_by("pk").first()
    solutions = SolutionPage.objects.live().filter(audience=Audience.EVERYONE).order_by("pk")
    # solutions the demo's own experts have not been assigned to (reviews/demo/experts.yaml)
    first, second = solutions.exclude(pk__in=Assignment.objects.values("object_id"))[:2]
    expert = _expert("contract-expert", "Мария Ивановна Орлова", published=True)
    colleague = _expert("contract-colleague", "Павел Сергеевич Лебедев", published=False)
    for who, value in ((expert, 5), (colleague, 4)):
        _review(assignment_create(item=first, expert=who, rubric=rubric, by=editor), value)
    result_publish(item=first, by=editor)
    assignment_create(item=second, expert=expert, rubric=rubric, by=editor)
    _token, key = APIToken.create_token(user=expert.user, name="contracts")
    return key


def waiting_assignment() -> Assignment:
    return Assignment.objects.filter(expert__user__username="contract-expert", review__isnull=True).get()


def reviewed_assignment() -> Assignment:
    return Assignment.objects.filter(expert__user__username="contract-expert", review__isnull=False).get()


def review_body(assignment: Assignment, value: int) -> dict:
    scores = [{"criterion_id": c.pk, "value": value} for c in assignment.rubric.criteria.all()]
    return {"scores": scores, "comment": COMMENT}
