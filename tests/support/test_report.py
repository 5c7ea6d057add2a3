"""Staff see completion per programme in the admin and export it as CSV or XLSX."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from support.models import ModuleProgress
from support.services import module_mark_done
from tests.support import builders


@pytest.fixture
def progress(empty_home, staff_user, other_staff_user):
    page = builders.programme(
        empty_home,
        title="Сопровождение проектной деятельности",
        modules=[builders.module("Введение", 4, module_id="m-1"), builders.module("Практика", 8, module_id="m-2")],
    )
    builders.programme(empty_home, title="Родители — участники проектной деятельности", target_group="parents")
    for module_id in ("m-1", "m-2"):
        module_mark_done(user=staff_user, programme=page, module_id=module_id)
    module_mark_done(user=other_staff_user, programme=page, module_id="m-1")
    return page


@pytest.mark.django_db
def test_report_shows_started_and_completed_per_programme(admin_client, progress):
    response = admin_client.get("/admin/reports/support-completion/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Прохождение программ сопровождения" in html
    assert "Сопровождение проектной деятельности" in html
    assert "Родители — участники проектной деятельности" in html
    assert "педагоги и тьюторы" in html


@pytest.mark.django_db
def test_report_exports_csv(admin_client, progress):
    response = admin_client.get("/admin/reports/support-completion/", {"export": "csv"})
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
    assert lines[0].startswith("Программа,Для кого,Часов,Модулей,Начали,Завершили")
    assert "Сопровождение проектной деятельности,педагоги и тьюторы,12,2,2,1,50,3" in lines


@pytest.mark.django_db
def test_report_exports_xlsx(admin_client, progress):
    response = admin_client.get("/admin/reports/support-completion/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Программа", "Для кого", "Часов", "Модулей", "Начали", "Завершили")
    assert ("Сопровождение проектной деятельности", "педагоги и тьюторы", 12, 2, 2, 1, 50, 3) in rows


@pytest.mark.django_db
def test_report_is_closed_to_users_without_the_permission(staff_user, progress):
    client = Client()
    client.force_login(staff_user)
    response = client.get("/admin/reports/support-completion/")
    assert response.status_code in (302, 403)
    assert ModuleProgress.objects.count() == 3
