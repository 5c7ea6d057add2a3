"""E-mails about checkpoints (the daily command) and the tutor's XLSX report."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from projects import services
from tests.projects.builders import cast, today

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
