"""The expert desk on the site: an expert's assignments, the rubric form, their own and others' reviews."""

import pytest

from reviews.models import Review
from reviews.services import assignment_create, result_publish
from tests.access.users import days, internal
from tests.reviews.conftest import COMMENT, make_expert, submit

pytestmark = pytest.mark.django_db


def form_data(assignment, *values, comment=COMMENT) -> dict:
    criteria = [c.pk for c in assignment.rubric.criteria.all()]
    return {"comment": comment, **{f"criterion_{pk}": v for pk, v in zip(criteria, values, strict=False)}}


def desk_of(client, assignment):
    client.force_login(assignment.expert.user)
    return client


def test_the_desk_lists_the_experts_assignments(client, two_assignments):
    response = desk_of(client, two_assignments[0]).get("/experts/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Экспертный стол" in text and "Школьная метеостанция" in text
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]


def test_the_assignment_shows_the_item_and_the_rubric_form(client, two_assignments):
    first = two_assignments[0]
    text = desk_of(client, first).get(f"/experts/{first.pk}/").content.decode()
    assert "Школьная метеостанция" in text and first.rubric.title in text
    assert text.count('type="radio"') == 12  # two criteria on a 0-5 scale
    assert "Отправить оценку" in text


def test_an_expert_submits_a_review_through_the_form(client, two_assignments):
    first = two_assignments[0]
    response = desk_of(client, first).post(f"/experts/{first.pk}/", form_data(first, 5, 0), follow=True)
    text = response.content.decode()
    assert "Спасибо! Оценка отправлена." in text and "итог 75 из 100" in text
    assert "откроются, когда их пришлют все эксперты" in text
    assert Review.objects.get().score == 75.0


@pytest.mark.parametrize(
    ("values", "comment", "message"),
    [
        ((6, 1), COMMENT, "должен быть от 0 до 5"),
        ((3,), COMMENT, "Поставьте балл по критерию"),
        ((3, 3), "", "Напишите комментарий к оценке."),
        ((3, 3), "я" * 3001, "Комментарий длиннее 3000 знаков"),
        (("пять", 3), COMMENT, "Выберите балл по шкале."),
    ],
)
def test_bad_input_is_explained_and_nothing_is_written(client, two_assignments, values, comment, message):
    first = two_assignments[0]
    response = desk_of(client, first).post(f"/experts/{first.pk}/", form_data(first, *values, comment=comment))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Review.objects.exists()


def test_others_reviews_open_once_all_are_in(client, two_assignments):
    first, second = two_assignments
    submit(first, 5, 5, comment="Моя оценка")
    submit(second, 1, 1, comment="Оценка второго эксперта")
    text = desk_of(client, first).get(f"/experts/{first.pk}/").content.decode()
    assert "Оценка второго эксперта" in text and "Итог 20 из 100" in text


def test_an_expert_cannot_open_another_experts_assignment(client, two_assignments):
    first, second = two_assignments
    client.force_login(second.expert.user)
    assert client.get(f"/experts/{first.pk}/").status_code == 404
    assert client.post(f"/experts/{first.pk}/", form_data(first, 3, 3)).status_code == 404
    assert not Review.objects.exists()


def test_the_desk_is_closed_to_residents_who_are_not_experts(client, two_assignments):
    client.force_login(internal("teacher", "teacher"))
    assert client.get("/experts/").status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, two_assignments):
    response = client.get("/experts/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_the_solution_page_shows_the_published_score(client, two_assignments, solution, editor):
    submit(two_assignments[0], 5, 5)
    assert "Экспертная оценка" not in client.get(solution.url).content.decode()
    submit(two_assignments[1], 4, 5)
    assert "Экспертная оценка" not in client.get(solution.url).content.decode()
    result_publish(item=solution, by=editor)
    text = client.get(solution.url).content.decode()
    assert "Экспертная оценка" in text and "93" in text and "Оценили 2 эксперта: Борис Эксперт." in text
    assert "Анна Эксперт" not in text


def test_an_external_expert_works_while_the_partners_contract_runs(client, solution, rubric, editor):
    expert = make_expert("Игорь Партнёров", external=True)
    assignment_create(item=solution, expert=expert, rubric=rubric, by=editor)
    client.force_login(expert.user)
    assert client.get("/experts/").status_code == 200
    expert.partner.contract_end = days(-1)
    expert.partner.save()
    assert client.get("/experts/").status_code == 404
