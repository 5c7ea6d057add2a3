"""Migration 0002: Wagtail's editors («Редакторы») and moderators («Модераторы») run the expert evaluation in the
admin without being superusers: rubrics, experts, assignments and publishing the result."""

import pytest
from django.contrib.auth.models import Group

from reviews.models import Assignment, Result
from tests.access.users import make_user
from tests.reviews.conftest import make_expert, submit

pytestmark = pytest.mark.django_db


def sign_in_to_admin(client, group_name: str):
    user = make_user(f"{group_name}-member", is_staff=False)
    user.groups.add(Group.objects.get(name=group_name))
    response = client.post(
        "/admin/login/", {"username": user.username, "password": "correct-horse-9", "next": "/admin/"}, follow=True
    )
    assert response.status_code == 200 and response.wsgi_request.user == user
    return user


@pytest.mark.parametrize("group_name", ["Редакторы", "Модераторы"])
def test_an_editor_who_is_not_a_superuser_assigns_experts_and_publishes_the_score(client, group_name, solution, rubric):
    user = sign_in_to_admin(client, group_name)
    assert not user.is_superuser
    assert "/admin/reviews/" in client.get("/admin/").content.decode()  # the menu item «Экспертиза»
    assert client.get("/admin/reviews/").status_code == 200
    assert client.get("/admin/reviews/assign/").status_code == 200
    first, second = make_expert("Анна Эксперт"), make_expert("Борис Эксперт", published=True)
    data = {"item": solution.pk, "rubric": rubric.pk, "experts": [first.pk, second.pk], "due_on": ""}
    text = client.post("/admin/reviews/assign/", data, follow=True).content.decode()
    assert "Анна Эксперт назначен(а) экспертом." in text and "Борис Эксперт назначен(а) экспертом." in text
    assignments = list(Assignment.objects.order_by("pk"))
    assert [a.assigned_by for a in assignments] == [user, user]
    submit(assignments[0], 5, 5)
    submit(assignments[1], 4, 4)
    url = f"/admin/reviews/{assignments[0].content_type_id}/{solution.pk}/publish/"
    assert "опубликована" in client.post(url, follow=True).content.decode()
    assert Result.objects.get().published_by == user
    page = client.get(solution.url).content.decode()
    assert "Экспертная оценка" in page and "Борис Эксперт" in page


@pytest.mark.parametrize("group_name", ["Редакторы", "Модераторы"])
def test_editors_edit_rubrics_and_experts_as_snippets(client, group_name, rubric):
    sign_in_to_admin(client, group_name)
    assert rubric.title in client.get("/admin/snippets/reviews/rubric/").content.decode()
    assert client.get(f"/admin/snippets/reviews/rubric/edit/{rubric.pk}/").status_code == 200
    assert client.get("/admin/snippets/reviews/expert/add/").status_code == 200


def test_a_staff_user_outside_the_groups_still_cannot_manage_reviews(client, solution):
    user = make_user("staff-only", is_staff=True)
    client.force_login(user)
    assert client.get("/admin/reviews/").status_code in (302, 403)
    assert not user.has_perm("reviews.add_assignment")
