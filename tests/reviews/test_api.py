"""API v3 `reviews`: the expert desk (my assignments, sending a review) and the published results."""

import json

import pytest
from wagtail.models import APIToken

from residents.audiences import Audience
from reviews.models import Review
from reviews.services import assignment_create, result_publish
from tests.access.users import internal
from tests.api_contract import assert_documented, assert_moscow_datetime, error, field_error, openapi_operation, paged
from tests.reviews.conftest import COMMENT, make_expert, make_solution, submit

pytestmark = pytest.mark.django_db
API = "/api/v3/reviews"


def post(client, url, payload, **extra):
    return client.post(url, data=json.dumps(payload), content_type="application/json", **extra)


def bearer(user) -> dict:
    _, key = APIToken.create_token(user=user, name="тест")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def body_for(assignment, *values, comment=COMMENT) -> dict:
    criteria = [c.pk for c in assignment.rubric.criteria.all()]
    return {
        "scores": [{"criterion_id": c, "value": v} for c, v in zip(criteria, values, strict=False)],
        "comment": comment,
    }


def test_an_expert_lists_their_assignments_with_the_rubric(client, two_assignments, solution):
    first = two_assignments[0]
    [item] = paged(client.get(f"{API}/assignments/", **bearer(first.expert.user)), total=1)
    assert item["id"] == first.pk and item["status"] == "waiting" and item["review"] is None
    assert item["item"] == {"kind": "solution", "id": solution.pk, "title": solution.title, "url": item["item"]["url"]}
    assert item["item"]["url"].startswith("http")
    assert [c["scale_max"] for c in item["rubric"]["criteria"]] == [5, 5]
    assert item["other_reviews"] == []


def test_an_expert_sends_a_review_by_token(client, two_assignments):
    first = two_assignments[0]
    response = post(client, f"{API}/assignments/{first.pk}/review/", body_for(first, 5, 0), **bearer(first.expert.user))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["score"] == 75.0 and body["comment"] == COMMENT
    assert_moscow_datetime(body["submitted_at"])
    detail = client.get(f"{API}/assignments/{first.pk}/", **bearer(first.expert.user)).json()
    assert detail["status"] == "submitted" and detail["other_reviews"] == []


def test_other_reviews_appear_once_all_are_in(client, two_assignments):
    first, second = two_assignments
    submit(first, 5, 5)
    submit(second, 1, 1, comment="Второе мнение")
    detail = client.get(f"{API}/assignments/{first.pk}/", **bearer(first.expert.user)).json()
    assert detail["other_reviews"] == [{"score": 20.0, "comment": "Второе мнение"}]


@pytest.mark.parametrize(
    ("values", "comment", "field", "message"),
    [
        ((9, 1), COMMENT, "scores.0.value", "должен быть от 0 до 5"),
        ((3,), COMMENT, "scores", "Поставьте балл"),
        ((3, 3), "  ", "comment", "Напишите комментарий"),
        ((3, 3), "я" * 3001, "comment", "3000"),
    ],
)
def test_bad_reviews_get_russian_field_errors_and_nothing_is_written(
    client, two_assignments, values, comment, field, message
):
    first = two_assignments[0]
    response = post(
        client,
        f"{API}/assignments/{first.pk}/review/",
        body_for(first, *values, comment=comment),
        **bearer(first.expert.user),
    )
    entry = field_error(response, field)
    assert message in entry["message"]
    assert not Review.objects.exists()


def test_a_body_that_is_not_a_list_of_scores_is_refused(client, two_assignments):
    first = two_assignments[0]
    auth = bearer(first.expert.user)
    field_error(post(client, f"{API}/assignments/{first.pk}/review/", {"scores": [], "comment": "x"}, **auth), "scores")
    field_error(
        post(client, f"{API}/assignments/{first.pk}/review/", {"scores": "5", "comment": "x"}, **auth), "scores"
    )
    twice = {"scores": [{"criterion_id": 1, "value": 1}] * 2, "comment": "x"}
    field_error(post(client, f"{API}/assignments/{first.pk}/review/", twice, **auth), "scores.1.criterion_id")
    assert not Review.objects.exists()


def test_a_review_of_an_item_not_assigned_is_refused(client, two_assignments):
    first, second = two_assignments
    response = post(
        client, f"{API}/assignments/{first.pk}/review/", body_for(first, 3, 3), **bearer(second.expert.user)
    )
    body = error(response, 403, "not_assigned")
    assert body["message"] == "Эта работа не назначена вам на экспертизу."
    error(client.get(f"{API}/assignments/{first.pk}/", **bearer(second.expert.user)), 404)
    assert not Review.objects.exists()


def test_a_second_review_is_a_conflict(client, two_assignments):
    first = two_assignments[0]
    submit(first, 5, 5)
    response = post(client, f"{API}/assignments/{first.pk}/review/", body_for(first, 1, 1), **bearer(first.expert.user))
    error(response, 409, "submitted")
    assert Review.objects.get().score == 100.0


def test_the_desk_is_for_experts_only(client, two_assignments):
    error(client.get(f"{API}/assignments/"), 401)
    error(client.get(f"{API}/assignments/", **bearer(internal("teacher", "teacher"))), 403, "not_expert")


def test_published_results_show_the_score_and_consenting_names(client, two_assignments, solution, editor):
    assert paged(client.get(f"{API}/results/"), total=0) == []
    submit(two_assignments[0], 5, 5)
    submit(two_assignments[1], 4, 5)
    assert paged(client.get(f"{API}/results/"), total=0) == []
    result_publish(item=solution, by=editor)
    [result] = paged(client.get(f"{API}/results/", {"kind": "solution", "item": solution.pk}), total=1)
    assert result["score"] == 92.5 and result["expert_count"] == 2 and result["experts"] == ["Борис Эксперт"]
    assert result["item"]["id"] == solution.pk
    assert paged(client.get(f"{API}/results/", {"kind": "exhibition"}), total=0) == []


def test_results_of_items_closed_to_the_caller_are_not_listed(client, bank, rubric, editor):
    closed = make_solution(bank, title="Только для лицея", audience=Audience.INTERNAL)
    assignment = assignment_create(item=closed, expert=make_expert(), rubric=rubric, by=editor)
    submit(assignment, 3, 3)
    result_publish(item=closed, by=editor)
    assert paged(client.get(f"{API}/results/"), total=0) == []
    client.force_login(internal("student"))
    assert [r["item"]["id"] for r in paged(client.get(f"{API}/results/"))] == [closed.pk]


def test_the_openapi_document_describes_the_desk_and_the_results(client):
    operation = openapi_operation(client, "/api/v3/reviews/assignments/{assignment_id}/review/", "post")
    assert_documented(operation, errors={401, 403, 409, 422})
    assert_documented(openapi_operation(client, "/api/v3/reviews/results/"), parameters={"kind", "item", "limit"})
