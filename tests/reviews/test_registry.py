"""Projects of the projects workspace are reviewable items; conflicts of interest are refused with a reason:
nobody reviews a project they tutored or consulted, or one whose team has their child or their student."""

import pytest

from projects import services as projects_services
from reviews.models import Assignment, Expert, RubricKind
from reviews.registry import kind_of
from reviews.services import ReviewError, assignment_create
from tests.projects.builders import cast, resident
from tests.reviews.conftest import make_expert, make_rubric

pytestmark = pytest.mark.django_db


@pytest.fixture
def project_cast():
    return cast("Умная теплица")


@pytest.fixture
def project_rubric():
    return make_rubric(RubricKind.PROJECT)


def expert_for(user, name: str = "Эксперт Проекта") -> Expert:
    return Expert.objects.create(user=user, name=name)


def refused_reason(project, expert, rubric, editor) -> str:
    with pytest.raises(ReviewError) as caught:
        assignment_create(item=project, expert=expert, rubric=rubric, by=editor)
    assert caught.value.code == "conflict"
    assert not Assignment.objects.filter(expert=expert).exists()
    return caught.value.message


def test_a_project_is_a_reviewable_item_with_the_project_rubric(project_cast, project_rubric, editor):
    assert kind_of(project_cast.project).rubric_kind == RubricKind.PROJECT
    expert = make_expert("Ирина Независимая")
    assignment = assignment_create(item=project_cast.project, expert=expert, rubric=project_rubric, by=editor)
    assert assignment.item == project_cast.project
    with pytest.raises(ReviewError) as caught:
        assignment_create(item=project_cast.project, expert=make_expert(), rubric=make_rubric(), by=editor)
    assert caught.value.code == "rubric"


def test_the_projects_tutor_is_refused(project_cast, project_rubric, editor):
    reason = refused_reason(project_cast.project, expert_for(project_cast.tutor), project_rubric, editor)
    assert reason == (
        "Эксперт Проекта: конфликт интересов. "
        "Эксперт был наставником (тьютором или консультантом) или куратором этой работы."
    )


def test_a_consultant_of_the_project_is_refused(project_cast, project_rubric, editor):
    reason = refused_reason(project_cast.project, expert_for(project_cast.consultant), project_rubric, editor)
    assert "конфликт интересов" in reason and "консультантом" in reason


def test_a_parent_of_a_team_member_is_refused_by_the_residents_parent_link(project_cast, project_rubric, editor):
    reason = refused_reason(project_cast.project, expert_for(project_cast.parent), project_rubric, editor)
    assert reason.endswith("В команде этой работы — ребёнок эксперта.")


def test_the_tutor_of_a_team_member_in_another_project_is_refused(project_cast, project_rubric, editor):
    teacher = resident("teacher", first="Нина", last="Белова")
    projects_services.project_create(
        by=project_cast.teammate, title="Метеостанция", summary="Погода у школы.", tutor_id=teacher.pk
    )
    reason = refused_reason(project_cast.project, expert_for(teacher), project_rubric, editor)
    assert reason.endswith("В команде этой работы — ученик эксперта: эксперт — его тьютор или педагог.")


def test_a_team_member_is_refused(project_cast, project_rubric, editor):
    reason = refused_reason(project_cast.project, expert_for(project_cast.student), project_rubric, editor)
    assert reason.endswith("Эксперт — участник команды этой работы.")


def test_parents_and_tutors_of_other_students_are_assigned(project_cast, project_rubric, editor):
    other_parent = expert_for(project_cast.other_parent, "Родитель Другого")
    teacher = resident("teacher", first="Нина", last="Белова")
    projects_services.project_create(
        by=project_cast.other_student, title="Метеостанция", summary="Погода у школы.", tutor_id=teacher.pk
    )
    other_tutor = expert_for(teacher, "Тьютор Другого")
    for expert in (other_parent, other_tutor):
        assert assignment_create(item=project_cast.project, expert=expert, rubric=project_rubric, by=editor)


def test_the_editor_assigns_experts_to_a_project_in_the_admin(client, editor, project_cast, project_rubric):
    client.force_login(editor)
    assert "Умная теплица" in client.get("/admin/reviews/assign/").content.decode()
    fine, tutor = make_expert("Ирина Независимая"), expert_for(project_cast.tutor, "Анна Крылова")
    data = {"project": project_cast.project.pk, "rubric": project_rubric.pk, "experts": [fine.pk, tutor.pk]}
    text = client.post("/admin/reviews/assign/", data, follow=True).content.decode()
    assert "Ирина Независимая назначен(а) экспертом." in text
    assert "Анна Крылова: конфликт интересов." in text
    assert [a.item for a in Assignment.objects.all()] == [project_cast.project]
    assert "Умная теплица" in client.get("/admin/reviews/").content.decode()


def test_the_assign_form_asks_for_one_item(client, editor, project_cast, project_rubric, solution):
    client.force_login(editor)
    expert = make_expert()
    both = {"item": solution.pk, "project": project_cast.project.pk, "rubric": project_rubric.pk}
    both["experts"] = [expert.pk]
    assert "Выберите что-то одно" in client.post("/admin/reviews/assign/", both).content.decode()
    none = {"rubric": project_rubric.pk, "experts": [expert.pk]}
    assert "Выберите работу или проект." in client.post("/admin/reviews/assign/", none).content.decode()
    assert not Assignment.objects.exists()
