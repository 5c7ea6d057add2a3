"""Residents' contributions: a teacher (or a student with a tutor) proposes a solution that becomes a draft in the
editors' moderation workflow, the submitter learns the decision by e-mail; anyone signed in tells how they
reused a solution, and its page shows how many times it was reused and the published stories."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from bank.models import Contribution, Decision, ProjectType, ReuseReport, SolutionPage
from people.models import Person
from residents.roles import Role
from tests.access.users import internal, make_user
from tests.bank.conftest import make_solution

pytestmark = pytest.mark.django_db


def proposal(**extra) -> dict:
    return {
        "title": "Школьный огород на крыше",
        "summary": "Гидропоника для начальной школы.",
        "problem": "Нет места для опытов с растениями.",
        "goal": "Вырастить зелень для столовой.",
        "result": "Три стеллажа и методичка.",
        "reuse": "",
        "grade_from": 3,
        "grade_to": 5,
        "project_type": ProjectType.objects.order_by("pk").first().pk,
        **extra,
    }


def test_a_teacher_proposes_a_solution_that_waits_in_moderation(client, bank):
    teacher = internal("teacher", Role.TEACHER)
    client.force_login(teacher)
    assert "Предложить решение" in client.get(bank.url).content.decode()
    response = client.post("/contribute/propose/", proposal(), follow=True)
    assert "отправлено редакции" in response.content.decode()
    page = SolutionPage.objects.get(title="Школьный огород на крыше")
    assert not page.live and page.get_parent().pk == bank.pk
    assert page.current_workflow_state is not None and page.current_workflow_state.status == "in_progress"
    assert Contribution.objects.get().submitter == teacher
    assert client.get(page.url or f"/bank/{page.slug}/").status_code == 404


def test_the_submitter_learns_the_decision_by_email(client, bank, django_user_model):
    teacher = internal("teacher", Role.TEACHER)
    client.force_login(teacher)
    client.post("/contribute/propose/", proposal())
    page = SolutionPage.objects.get(title="Школьный огород на крыше")
    editor = django_user_model.objects.create_superuser("bank-editor", "bank-editor@example.org", "x")
    page.current_workflow_task.on_action(page.current_workflow_task_state, editor, "approve")
    assert Contribution.objects.get().decision == Decision.APPROVED
    # Wagtail's own notification (with its admin link) goes too; ours carries the solution's public address.
    [message] = [m for m in mail.outbox if m.subject.startswith("Ваше решение")]
    assert message.to == [teacher.email] and "Школьный огород на крыше" in message.subject
    assert "опубликовано" in message.subject and "http" in message.body
    assert SolutionPage.objects.get(pk=page.pk).live


def test_a_rejected_proposal_is_reported_too(client, bank, django_user_model):
    teacher = internal("teacher", Role.TEACHER)
    client.force_login(teacher)
    client.post("/contribute/propose/", proposal())
    page = SolutionPage.objects.get(title="Школьный огород на крыше")
    editor = django_user_model.objects.create_superuser("bank-editor", "bank-editor@example.org", "x")
    page.current_workflow_task.on_action(page.current_workflow_task_state, editor, "reject")
    assert Contribution.objects.get().decision == Decision.REJECTED
    assert any("не опубликовано" in m.subject for m in mail.outbox)


def test_a_student_needs_a_teacher_as_tutor(client, bank):
    client.force_login(internal("student"))
    response = client.post("/contribute/propose/", proposal())
    assert response.status_code == 400 and "выберите наставника" in response.content.decode()
    assert not Contribution.objects.exists()
    tutor = Person.objects.create(name="Ольга Петровна", role=Role.TEACHER)
    client.post("/contribute/propose/", proposal(tutor=tutor.pk))
    assert Contribution.objects.get().page.tutor == tutor


@pytest.mark.parametrize("user_kind", ["parent", "registered"])
def test_parents_and_non_residents_may_not_propose(client, bank, user_kind):
    client.force_login(internal("parent", Role.PARENT) if user_kind == "parent" else make_user("guest"))
    assert client.get("/contribute/propose/").status_code == 403
    client.post("/contribute/propose/", proposal())
    assert not SolutionPage.objects.filter(title="Школьный огород на крыше").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": ""}, "Требуется заполнить это поле."),
        ({"summary": "я" * 301}, "300"),
        ({"grade_from": 9}, "не может быть меньше"),
    ],
)
def test_bad_proposals_are_explained_and_nothing_is_written(client, bank, change, message):
    client.force_login(internal("teacher", Role.TEACHER))
    response = client.post("/contribute/propose/", proposal(**change))
    assert response.status_code == 400 and message in response.content.decode()
    assert not SolutionPage.objects.filter(title="Школьный огород на крыше").exists()


def test_anyone_signed_in_reports_reuse_and_the_page_counts_it(client, bank):
    solution = make_solution(bank, title="Метеостанция")
    assert "Решение использовали 0 раз." in client.get(solution.url).content.decode()
    client.force_login(make_user("guest"))
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan", content_type="application/pdf")
    data = {"story": "Собрали такую же в 7А.", "where": "Лицей № 373, 7А", "file": upload}
    response = client.post(f"/contribute/solutions/{solution.pk}/reused/", data, follow=True)
    text = response.content.decode()
    assert "после проверки редакцией" in text and "Решение использовали 0 раз." in text
    assert "Собрали такую же в 7А." not in text  # not yet published, not yet counted
    ReuseReport.objects.update(published=True)
    text = client.get(solution.url).content.decode()
    assert "Собрали такую же в 7А." in text and "Решение использовали 1 раз." in text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"story": "", "where": "7А"}, "Расскажите коротко"),
        ({"story": "я" * 2001, "where": "7А"}, "2000"),
        ({"story": "Использовали", "where": ""}, "Укажите школу или класс."),
        ({"story": "Использовали", "where": "7А", "file": ("virus.exe", b"MZ")}, "Файл может быть в формате"),
    ],
)
def test_bad_reuse_reports_are_explained_and_nothing_is_written(client, bank, data, message):
    solution = make_solution(bank, title="Метеостанция")
    client.force_login(make_user("guest"))
    if "file" in data:
        name, content = data["file"]
        data = {**data, "file": SimpleUploadedFile(name, content)}
    response = client.post(f"/contribute/solutions/{solution.pk}/reused/", data, follow=True)
    assert message in response.content.decode()
    assert not ReuseReport.objects.exists()


def test_anonymous_visitors_are_asked_to_sign_in(client, bank):
    solution = make_solution(bank, title="Метеостанция")
    assert "Войдите, чтобы рассказать" in client.get(solution.url).content.decode()
    response = client.post(f"/contribute/solutions/{solution.pk}/reused/", {"story": "x", "where": "y"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert not ReuseReport.objects.exists()
