"""The rules of the projects workspace, as its people meet them: starting a project, the team, stage moves
with the tutor's approval, checkpoints, artefacts, the journal and join requests."""

import datetime

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from projects import services
from projects.models import CheckpointStatus, Decision, NotificationKind, PostKind, ProjectKind
from projects.services import ProjectError
from residents.roles import Role
from tests.projects.builders import cast, resident, stage, today, upload

pytestmark = pytest.mark.django_db


def test_a_student_proposes_a_project_with_a_teacher_as_tutor():
    student, tutor = resident(), resident(Role.TEACHER)
    project = services.project_create(by=student, title=" Умная теплица ", summary="Полив", tutor_id=tutor.pk)
    assert project.title == "Умная теплица"
    assert project.stage.slug == "idea"
    assert project.tutor == tutor
    assert [m.user for m in project.members.all()] == [student]
    assert project.grade_from == project.grade_to == 9
    assert project.revisions.count() == 1


def test_a_student_cannot_make_another_student_the_tutor():
    student, other = resident(), resident()
    with pytest.raises(ProjectError) as error:
        services.project_create(by=student, title="Т", summary="С", tutor_id=other.pk)
    assert error.value.field == "tutor"
    assert "тьютора" in error.value.message


def test_a_teacher_starts_a_project_for_a_whole_class():
    teacher = resident(Role.TEACHER)
    a, b = resident(school_class="10А"), resident(school_class="10А")
    resident(school_class="10Б")
    project = services.project_create(by=teacher, title="Лицей без пластика", summary="С", school_class="10а")
    assert project.tutor == teacher
    assert {m.user for m in project.members.all()} == {a, b}
    assert project.kind == ProjectKind.COLLECTIVE


def test_a_parent_or_a_partner_cannot_start_a_project():
    for user in (resident(Role.PARENT), resident(Role.REPRESENTATIVE)):
        with pytest.raises(ProjectError):
            services.project_create(by=user, title="Т", summary="С")


def test_an_empty_title_is_refused_with_its_field():
    with pytest.raises(ProjectError) as error:
        services.project_create(by=resident(), title="  ", summary="С", tutor_id=resident(Role.TEACHER).pk)
    assert (error.value.field, error.value.message) == ("title", "Заполните это поле.")


def test_adding_a_teammate_makes_the_project_collective_and_is_in_its_history():
    people = cast()
    assert people.project.kind == ProjectKind.COLLECTIVE
    assert ModelLogEntry.objects.filter(action=services.MEMBER_ADDED, object_id=str(people.project.pk)).exists()


def test_only_students_join_a_team_and_only_once():
    people = cast()
    with pytest.raises(ProjectError):
        services.member_add(project=people.project, by=people.student, user_id=people.parent.pk)
    with pytest.raises(ProjectError) as error:
        services.member_add(project=people.project, by=people.student, user_id=people.teammate.pk)
    assert error.value.code == "conflict"


def test_an_outsider_cannot_add_to_the_team():
    people = cast()
    with pytest.raises(ProjectError):
        services.member_add(project=people.project, by=people.other_student, user_id=people.other_student.pk)


def test_the_team_asks_and_the_tutor_approves_the_next_stage_recorded_with_who_and_when():
    people = cast()
    move = services.stage_move_request(project=people.project, by=people.student)
    assert move.to_stage.slug == "planning"
    with pytest.raises(ProjectError):
        services.stage_move_decide(move=move, by=people.student, approve=True)
    mail.outbox.clear()
    services.stage_move_decide(move=move, by=people.tutor, approve=True)
    people.project.refresh_from_db()
    move.refresh_from_db()
    assert people.project.stage.slug == "planning"
    assert (move.status, move.decided_by) == (Decision.APPROVED, people.tutor)
    assert move.decided_at is not None
    entry = ModelLogEntry.objects.get(action=services.STAGE_APPROVED, object_id=str(people.project.pk))
    assert entry.user == people.tutor
    assert {message.to[0] for message in mail.outbox} >= {people.student.email, people.teammate.email}


def test_one_move_waits_at_a_time_and_a_declined_one_changes_nothing():
    people = cast()
    move = services.stage_move_request(project=people.project, by=people.student)
    with pytest.raises(ProjectError) as error:
        services.stage_move_request(project=people.project, by=people.teammate)
    assert error.value.code == "conflict"
    services.stage_move_decide(move=move, by=people.tutor, approve=False)
    people.project.refresh_from_db()
    assert people.project.stage.slug == "idea"


def test_the_published_stage_comes_only_from_the_bank():
    people = cast()
    people.project.stage = stage("defence")
    people.project.save()
    with pytest.raises(ProjectError):
        services.stage_move_request(project=people.project, by=people.tutor)


def test_a_checkpoint_is_planned_for_the_current_stage_and_marked_done():
    people = cast()
    due = today() + datetime.timedelta(days=5)
    checkpoint = services.checkpoint_add(
        project=people.project, by=people.student, title="План работ", due=due, responsible_id=people.teammate.pk
    )
    assert (checkpoint.stage.slug, checkpoint.responsible) == ("idea", people.teammate)
    services.checkpoint_set_status(checkpoint=checkpoint, by=people.teammate, status=CheckpointStatus.DONE)
    assert checkpoint.status == "done"
    with pytest.raises(ProjectError):
        services.checkpoint_add(project=people.project, by=people.parent, title="Х", due=due)


def test_artefacts_keep_their_files_out_of_media_and_refuse_bad_files():
    people = cast()
    artefact = services.artefact_add(
        project=people.project, by=people.student, kind="document", title="План", upload=upload()
    )
    assert artefact.file.storage.location != str(__import__("django.conf").conf.settings.MEDIA_ROOT)
    assert artefact.file.read() == b"%PDF-1.4 plan"
    with pytest.raises(ProjectError) as error:
        services.artefact_add(
            project=people.project, by=people.student, kind="document", title="X", upload=upload("x.exe")
        )
    assert error.value.field == "file"
    link = services.artefact_add(
        project=people.project, by=people.consultant, kind="link", title="Макет", url="https://example.org/m"
    )
    assert link.url == "https://example.org/m"
    with pytest.raises(ProjectError):
        services.artefact_add(project=people.project, by=people.parent, kind="link", title="Х", url="https://e.org")


def test_the_journal_members_ask_the_tutor_answers_parents_only_read():
    people = cast()
    mail.outbox.clear()
    question = services.post_create(project=people.project, by=people.student, text="Какой датчик?", kind="question")
    assert {message.to[0] for message in mail.outbox} == {
        people.teammate.email,
        people.tutor.email,
        people.consultant.email,
    }
    answer = services.post_create(project=people.project, by=people.tutor, text="Ёмкостный.", reply_to_id=question.pk)
    assert (answer.kind, answer.reply_to) == (PostKind.ANSWER, question)
    with pytest.raises(ProjectError):
        services.post_create(project=people.project, by=people.parent, text="Молодцы!")


def test_a_resident_who_turned_new_posts_off_gets_no_mail():
    people = cast()
    services.notifications_set(user=people.tutor, enabled=set(NotificationKind.values) - {"new_post"})
    mail.outbox.clear()
    services.post_create(project=people.project, by=people.student, text="Новость")
    assert people.tutor.email not in {message.to[0] for message in mail.outbox}


def test_an_author_edits_a_post_within_15_minutes_only():
    people = cast()
    post = services.post_create(project=people.project, by=people.student, text="Черновик")
    services.post_edit(post=post, by=people.student, text="Исправлено")
    assert post.text == "Исправлено" and post.edited_at
    with pytest.raises(ProjectError):
        services.post_edit(post=post, by=people.teammate, text="Чужое")
    later = post.created_at + datetime.timedelta(minutes=16)
    with pytest.raises(ProjectError):
        services.post_edit(post=post, by=people.student, text="Поздно", now=later)


def test_the_tutor_hides_a_post_which_stays_marked_in_the_journal():
    people = cast()
    post = services.post_create(project=people.project, by=people.student, text="Лишнее")
    with pytest.raises(ProjectError):
        services.post_hide(post=post, by=people.teammate)
    services.post_hide(post=post, by=people.tutor)
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == people.tutor
    assert people.project.posts.filter(pk=post.pk).exists()
    assert ModelLogEntry.objects.filter(action=services.POST_HIDDEN).exists()


def test_a_student_asks_to_join_an_open_project_and_the_tutor_accepts():
    people = cast()
    with pytest.raises(ProjectError) as error:
        services.join_request_create(project=people.project, by=people.other_student)
    assert error.value.code == "conflict"
    people.project.open_to_join = True
    people.project.save()
    mail.outbox.clear()
    request = services.join_request_create(project=people.project, by=people.other_student, role="дизайнер")
    assert [message.to for message in mail.outbox] == [[people.tutor.email]]
    with pytest.raises(ProjectError):
        services.join_request_create(project=people.project, by=people.other_student)
    with pytest.raises(ProjectError):
        services.join_request_decide(join_request=request, by=people.student, accept=True)
    services.join_request_decide(join_request=request, by=people.tutor, accept=True)
    assert people.project.members.filter(user=people.other_student, role="дизайнер").exists()


def test_a_suspended_member_can_do_nothing():
    people = cast()
    from tests.projects.builders import suspend

    suspend(people.teammate)
    with pytest.raises(ProjectError):
        services.post_create(project=people.project, by=people.teammate, text="Я тут")


def test_consultants_partner_and_audience_follow_the_rules_and_a_refusal_changes_nothing():
    people = cast()
    partner = people.consultant.membership.partner
    settings = {"consultant_ids": [], "partner_id": None, "audience": "everyone", "open_to_join": False}
    with pytest.raises(ProjectError) as refused:
        services.project_settings_update(project=people.project, by=people.student, **settings)
    assert refused.value.message == "Настройки проекта меняет его тьютор."
    partner.contract_end = today() - datetime.timedelta(days=1)
    partner.save()
    with pytest.raises(ProjectError) as expired:
        services.project_settings_update(
            project=people.project, by=people.tutor, **{**settings, "partner_id": partner.pk}
        )
    assert expired.value.field == "partner" and expired.value.message == "Выберите партнёра с действующим договором."
    with pytest.raises(ProjectError) as parent:
        services.project_settings_update(
            project=people.project, by=people.tutor, **{**settings, "consultant_ids": [people.parent.pk]}
        )
    assert parent.value.message == "Консультанты — педагоги лицея или представители партнёра."
    with pytest.raises(ProjectError) as audience:
        services.project_settings_update(project=people.project, by=people.tutor, **{**settings, "audience": "all"})
    assert audience.value.field == "audience"
    people.project.refresh_from_db()
    assert people.project.partner == partner and list(people.project.consultants.all()) == [people.consultant]
    teacher = resident(Role.TEACHER)
    services.project_settings_update(
        project=people.project, by=people.tutor, **{**settings, "consultant_ids": [teacher.pk], "audience": "staff"}
    )
    people.project.refresh_from_db()
    assert list(people.project.consultants.all()) == [teacher] and people.project.audience == "staff"
    assert people.project.partner is None
