"""Who sees reviews: an expert sees their own, another expert's only once all are in; nobody else sees any
review before the editor publishes the result (HTML desk, API v3 desk, the solution page, API results)."""

import json

import pytest
from django.test import Client
from wagtail.models import APIToken

from reviews.services import assignment_create, result_publish
from tests.access.users import USER_KINDS
from tests.reviews.conftest import make_expert, make_solution, submit

pytestmark = pytest.mark.django_db
SECRET = "Секретный комментарий первого эксперта"


def client_of(user, *, token: bool = False) -> Client:
    if user is None:
        return Client()
    if token:
        _, key = APIToken.create_token(user=user, name="матрица")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    client = Client()
    client.force_login(user)
    return client


def everything_seen(user, first, solution) -> str:
    """What the user gets from every channel that could carry the first expert's review, as one text."""
    html, api = client_of(user), client_of(user, token=True)
    answers = [
        html.get("/experts/"),
        html.get(f"/experts/{first.pk}/"),
        api.get("/api/v3/reviews/assignments/"),
        api.get(f"/api/v3/reviews/assignments/{first.pk}/"),
        api.get("/api/v3/reviews/results/"),
        html.get(solution.url),
        api.get(f"/api/v2/pages/{solution.pk}/"),
    ]
    return "".join(text_of(answer) for answer in answers)


def text_of(response) -> str:
    """The answer as a person would read it: JSON decoded (its Cyrillic is sent as \\u escapes)."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


@pytest.fixture
def first_reviewed(two_assignments):
    first, second = two_assignments
    submit(first, 5, 5, comment=SECRET)
    return first, second


@pytest.mark.parametrize("kind", USER_KINDS, ids=str)
def test_nobody_but_the_expert_sees_an_unpublished_review(kind, first_reviewed, solution):
    first, _second = first_reviewed
    assert SECRET not in everything_seen(kind.make(), first, solution)


def test_the_expert_sees_their_own_review(first_reviewed, solution):
    first, _second = first_reviewed
    assert SECRET in everything_seen(first.expert.user, first, solution)


def test_the_other_expert_sees_it_only_once_their_own_is_in(first_reviewed, solution):
    first, second = first_reviewed
    assert SECRET not in everything_seen(second.expert.user, first, solution)
    submit(second, 2, 2)
    html = client_of(second.expert.user).get(f"/experts/{second.pk}/").content.decode()
    api = text_of(client_of(second.expert.user, token=True).get(f"/api/v3/reviews/assignments/{second.pk}/"))
    assert SECRET in html and SECRET in api


def test_a_third_expert_assigned_elsewhere_never_sees_it(first_reviewed, solution, bank, rubric, editor):
    first, second = first_reviewed
    submit(second, 2, 2)
    other = assignment_create(item=make_solution(bank, title="Другое"), expert=make_expert(), rubric=rubric, by=editor)
    assert SECRET not in everything_seen(other.expert.user, first, solution)


def test_the_published_result_carries_no_comment(first_reviewed, solution, editor):
    first, second = first_reviewed
    submit(second, 2, 2)
    result_publish(item=solution, by=editor)
    seen = everything_seen(None, first, solution)
    assert "Экспертная оценка" in seen and SECRET not in seen
