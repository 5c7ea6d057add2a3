"""The editors' side in the admin: rubrics and experts as snippets, assigning experts, publishing results."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import call_command

from reviews.models import Assignment, Result
from tests.access.users import internal
from tests.reviews.conftest import make_expert, make_tutor, submit

pytestmark = pytest.mark.django_db


def test_an_editor_assigns_two_experts_and_a_conflict_is_refused_with_its_reason(client, editor, solution, rubric):
    client.force_login(editor)
    fine, tutor = make_expert("Анна Эксперт"), make_expert("Ольга Тьютор")
    make_tutor(solution, tutor.user)
    data = {"item": solution.pk, "rubric": rubric.pk, "experts": [fine.pk, tutor.pk], "due_on": ""}
    response = client.post("/admin/reviews/assign/", data, follow=True)
    text = response.content.decode()
    assert "Анна Эксперт назначен(а) экспертом." in text
    assert "Ольга Тьютор: конфликт интересов. Эксперт был наставником" in text
    assert [a.expert for a in Assignment.objects.all()] == [fine]


def test_the_editor_sees_the_aggregate_and_publishes_when_all_are_in(client, editor, two_assignments, solution):
    client.force_login(editor)
    first, second = two_assignments
    submit(first, 5, 5)
    text = client.get("/admin/reviews/").content.decode()
    assert "Школьная метеостанция" in text and "(1/2)" in text and "Опубликовать оценку" not in text
    url = f"/admin/reviews/{first.content_type_id}/{solution.pk}/publish/"
    assert "Опубликовать можно, когда оценки пришли от всех" in client.post(url, follow=True).content.decode()
    submit(second, 1, 1)
    text = client.get("/admin/reviews/").content.decode()
    assert "мнения расходятся" in text and "Опубликовать оценку" in text
    assert "опубликована" in client.post(url, follow=True).content.decode()
    assert Result.objects.get().score == 60.0
    client.post(f"/admin/reviews/{first.content_type_id}/{solution.pk}/withdraw/")
    assert not Result.objects.exists()


def test_the_reviews_admin_is_closed_to_editors_without_the_permission(client, django_user_model, two_assignments):
    user = django_user_model.objects.create_user("moderator", "m@example.org", "x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/reviews/").status_code in (302, 403)
    assert client.get("/admin/reviews/assign/").status_code in (302, 403)


def test_rubrics_and_experts_are_snippets_in_the_admin(client, editor, rubric):
    client.force_login(editor)
    assert rubric.title in client.get("/admin/snippets/reviews/rubric/").content.decode()
    assert client.get("/admin/snippets/reviews/expert/add/").status_code == 200


def test_reminders_go_to_experts_whose_reviews_are_due(two_assignments):
    first, second = two_assignments
    submit(first, 3, 3)
    call_command("send_review_reminders", verbosity=0)
    assert [message.to for message in mail.outbox] == [[second.expert.user.email]]
    assert "Школьная метеостанция" in mail.outbox[0].subject
    assert f"/experts/{second.pk}/" in mail.outbox[0].body
    call_command("send_review_reminders", verbosity=0)
    assert len(mail.outbox) == 1  # once a day at most


def test_a_student_account_is_not_an_expert_by_default(two_assignments, client):
    client.force_login(internal("student"))
    assert client.get("/experts/").status_code == 404
