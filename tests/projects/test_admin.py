"""Projects in the admin: the list with its filters (stage, tutor, class, year, overdue), history entries,
and the tutor's report in the menu."""

import datetime

import pytest

from projects import services
from tests.projects.builders import cast, resident, today

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/projects/project/"


def test_the_list_filters_by_class_and_overdue_checkpoints(admin_client):
    people = cast()
    late = services.project_create(
        by=resident(school_class="11А"), title="Газета", summary="С", tutor_id=people.tutor.pk
    )
    services.checkpoint_add(project=late, by=people.tutor, title="Вёрстка", due=today() - datetime.timedelta(days=2))
    page = admin_client.get(LIST).content.decode()
    assert "Умная теплица" in page and "Газета" in page
    by_class = admin_client.get(LIST, {"school_class": "11а"}).content.decode()
    assert "Газета" in by_class and "Умная теплица" not in by_class
    overdue = admin_client.get(LIST, {"overdue": "true"}).content.decode()
    assert "Газета" in overdue and "Умная теплица" not in overdue
    assert "Газета" in admin_client.get(LIST, {"stage": late.stage_id, "tutor": people.tutor.pk}).content.decode()


def test_the_history_shows_the_tutors_decisions(admin_client):
    people = cast()
    services.stage_approve(project=people.project, by=people.tutor)
    page = admin_client.get(f"{LIST}history/{people.project.pk}/").content.decode()
    assert "Переход на новую стадию одобрен" in page and "Участник добавлен в команду" in page


def test_the_menu_offers_the_tutors_report(admin_client):
    assert "/projects/tutor/report.xlsx" in admin_client.get("/admin/").content.decode()
