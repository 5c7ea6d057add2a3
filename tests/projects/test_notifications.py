"""E-mails about checkpoints (the daily command) and the tutor's XLSX report."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from projects import services
from tests.projects.builders import cast, resident, today

pytestmark = pytest.mark.django_db


def test_the_daily_command_reminds_of_checkpoints_due_in_two_days_and_overdue_once():
    people = cast()
    services.checkpoint_add(
        project=people.project,
        by=people.tutor,
        title="Опрос",
        due=today() + datetime.timedelta(days=2),
        responsible_id=people.teammate.pk,
    )
    services.checkpoint_add(
        project=people.project, by=people.tutor, title="Макет", due=today() - datetime.timedelta(days=1)
    )
    mail.outbox.clear()
    call_command("projects_remind", stdout=io.StringIO(), stderr=io.StringIO())
    subjects = {(message.to[0], message.subject) for message in mail.outbox}
    assert (people.teammate.email, "Скоро срок: Опрос") in subjects
    assert (people.tutor.email, "Просрочена контрольная точка: Макет") in subjects
    assert (people.student.email, "Просрочена контрольная точка: Макет") in subjects
    mail.outbox.clear()
    call_command("projects_remind", stdout=io.StringIO(), stderr=io.StringIO())
    assert mail.outbox == []


def test_a_resident_who_turned_reminders_off_gets_none():
    people = cast()
    services.checkpoint_add(
        project=people.project,
        by=people.tutor,
        title="Опрос",
        due=today() + datetime.timedelta(days=2),
        responsible_id=people.teammate.pk,
    )
    services.notifications_set(user=people.teammate, enabled={"new_post"})
    mail.outbox.clear()
    call_command("projects_remind", stdout=io.StringIO(), stderr=io.StringIO())
    assert mail.outbox == []


def test_the_tutors_report_lists_projects_and_checkpoints_without_contacts():
    people = cast()
    services.checkpoint_add(
        project=people.project, by=people.tutor, title="Макет", due=today() - datetime.timedelta(days=1)
    )
    client = Client()
    client.force_login(people.tutor)
    response = client.get("/projects/tutor/report.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    projects = list(workbook["Проекты"].values)
    assert projects[1][0] == "Умная теплица" and projects[1][2] == "идея"
    assert projects[1][5] == "Мария К., Пётр С." and projects[1][11] == 1
    assert list(workbook["Контрольные точки"].values)[1][2] == "Макет"
    text = str([list(sheet.values) for sheet in workbook])
    assert "@" not in text and "Кузнецова" not in text
    assert client.get("/projects/tutor/report.xlsx", {"school_class": "5А"}).status_code == 200


def test_a_declined_stage_move_is_told_to_the_one_who_asked_unless_they_turned_it_off():
    people = cast()
    services.stage_move_request(project=people.project, by=people.teammate)
    mail.outbox.clear()
    services.stage_decline(project=people.project, by=people.tutor)
    assert [message.to for message in mail.outbox] == [[people.teammate.email]]
    assert mail.outbox[0].subject == "Проект «Умная теплица»: переход отклонён"
    assert "остаётся на стадии «идея»" in mail.outbox[0].body
    assert "/projects/" in mail.outbox[0].body
    services.notifications_set(user=people.student, enabled={"stage_approved"})
    services.stage_move_request(project=people.project, by=people.student)
    mail.outbox.clear()
    services.stage_decline(project=people.project, by=people.tutor)
    assert mail.outbox == []


def test_a_decided_join_request_is_told_to_the_resident_unless_they_turned_it_off():
    people = cast()
    people.project.open_to_join = True
    people.project.save()
    request = services.join_request_create(project=people.project, by=people.other_student, role="дизайнер")
    mail.outbox.clear()
    services.join_request_decide(join_request=request, by=people.tutor, accept=False)
    assert [message.to for message in mail.outbox] == [[people.other_student.email]]
    assert "отклонил вашу заявку" in mail.outbox[0].body
    newcomer = resident(first="Лев", last="Орлов")
    services.notifications_set(user=newcomer, enabled=set())
    request = services.join_request_create(project=people.project, by=newcomer)
    mail.outbox.clear()
    services.join_request_decide(join_request=request, by=people.tutor, accept=True)
    assert mail.outbox == []
    accepted = services.join_request_create(project=people.project, by=resident(first="Ира", last="Белова"))
    mail.outbox.clear()
    services.join_request_decide(join_request=accepted, by=people.tutor, accept=True)
    assert "принял вас в команду" in mail.outbox[0].body


def test_the_settings_page_offers_the_new_kinds():
    client = Client()
    client.force_login(resident())
    page = client.get("/projects/notifications/").content.decode()
    assert "Переход на новую стадию отклонён" in page and "Решение по моей заявке на участие" in page
