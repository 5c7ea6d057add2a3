"""Expert evaluation's channels for the access matrix: a published result follows its item's audience.

What the desk shows (an expert's own assignments, others' reviews only once all are in) does not depend on
audiences: tests/reviews/test_access.py crosses it with every kind of user.
"""

import itertools

from django.contrib.auth import get_user_model
from django.test import Client

from bank.models import SolutionPage
from reviews.models import Criterion, Expert, Rubric, RubricKind
from reviews.services import assignment_create, result_publish, review_submit
from tests.access.channels import Channel
from tests.bank.channels import make_solution

_numbers = itertools.count(1)


def make_reviewed_solution(home, audience: str) -> SolutionPage:
    """A live solution with a published expert evaluation, by one expert."""
    solution = make_solution(home, audience)
    number = next(_numbers)
    rubric = Rubric.objects.filter(title="Рубрика матрицы").first()
    if rubric is None:
        rubric = Rubric(title="Рубрика матрицы", kind=RubricKind.SOLUTION)
        rubric.criteria = [Criterion(name="Результат", scale_min=0, scale_max=5, weight=1)]
        rubric.save()
    user = get_user_model().objects.create_user(f"matrix-expert-{number}", f"matrix-expert-{number}@example.org")
    expert = Expert.objects.create(user=user, name=f"Эксперт матрицы {number}", name_published=True)
    assignment = assignment_create(item=solution, expert=expert, rubric=rubric, by=None)
    scores = {criterion.pk: 4 for criterion in rubric.criteria.all()}
    review_submit(assignment=assignment, user=user, scores=scores, comment="Оценка для матрицы доступа")
    result_publish(item=solution, by=None)
    return solution


def v3_results_sees(client: Client, solution: SolutionPage) -> bool:
    response = client.get("/api/v3/reviews/results/", {"kind": "solution", "item": solution.pk})
    return response.status_code == 200 and response.json()["meta"]["total_count"] == 1


CHANNELS = [Channel("API v3 published expert evaluations", make_reviewed_solution, v3_results_sees)]
