"""Import of internal residents from the school's register export (CSV, XLSX): broken files are refused with
line numbers and reasons in Russian, a real run is all-or-nothing, and a second run changes nothing."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from residents.imports import ImportFileError, import_residents
from residents.models import Membership
from residents.roles import Role

HEADER = "Фамилия;Имя;Класс;Роль;E-mail\n"
GOOD = HEADER + (
    "Иванова;Мария;9Б;обучающийся;maria@example.org\n"
    "Петров;Пётр;;родитель;petrov@example.org\n"
    "Сидорова;Анна;;педагог;sidorova@example.org\n"
)


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def xlsx_bytes(rows, merges=()) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_dry_run_reports_and_changes_nothing():
    report = import_residents(csv_bytes(GOOD), dry_run=True)
    assert report.ok
    assert len(report.created) == 3
    assert Membership.objects.count() == 0
    assert "Будет создано: 3" in report.lines()


@pytest.mark.django_db
def test_a_real_run_creates_internal_residents_and_a_second_run_changes_nothing():
    report = import_residents(csv_bytes(GOOD), dry_run=False)
    assert report.applied and len(report.created) == 3
    student = Membership.objects.get(user__email="maria@example.org")
    assert (student.role, student.school_class, student.tier) == (Role.STUDENT, "9Б", "internal")
    assert not student.user.has_usable_password()
    again = import_residents(csv_bytes(GOOD), dry_run=False)
    assert (again.created, again.changed, again.unchanged) == ([], [], 3)


@pytest.mark.django_db
def test_a_changed_class_is_reported_as_changed():
    import_residents(csv_bytes(GOOD), dry_run=False)
    moved = GOOD.replace("9Б", "10А")
    report = import_residents(csv_bytes(moved), dry_run=False)
    assert report.changed == ["maria@example.org"]
    assert Membership.objects.get(user__email="maria@example.org").school_class == "10А"


@pytest.mark.django_db
def test_windows_1251_csv_with_commas_is_read():
    text = GOOD.replace(";", ",")
    report = import_residents(csv_bytes(text, "cp1251"), dry_run=False)
    assert report.ok and len(report.created) == 3
    assert get_user_model().objects.get(email="maria@example.org").last_name == "Иванова"


@pytest.mark.django_db
def test_rows_with_errors_are_named_and_a_real_run_writes_nothing():
    text = HEADER + (
        "Иванова;Мария;9Б;обучающийся;maria@example.org\n"
        "Петров;Пётр;;родитель;not-an-email\n"
        "Смирнов;Олег;;обучающийся;oleg@example.org\n"
        "Иванова;Мария;9Б;обучающийся;MARIA@example.org\n"
        "Кузнецов;Иван;;директор;k@example.org\n"
    )
    report = import_residents(csv_bytes(text), dry_run=False)
    assert not report.applied
    assert Membership.objects.count() == 0
    errors = dict(report.errors)
    assert "неверный адрес электронной почты «not-an-email»" in errors[3]
    assert "не указан класс" in errors[4]
    assert "повтор" in errors[5] and "строке 2" in errors[5]
    assert "неизвестная роль «директор»" in errors[6]
    assert any("Ничего не изменено" in line for line in report.lines())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "Файл пуст"),
        (b"   \n\n", "Файл пуст"),
        (csv_bytes("Фамилия;Имя\nИванова;Мария\n"), "неверные столбцы"),
        (csv_bytes(HEADER), "нет ни одной строки"),
        (GOOD.encode("utf-16"), "UTF-8 или Windows-1251"),
        (b"PK\x03\x04 not really a zip", "XLSX"),
    ],
    ids=["empty", "blank lines", "wrong columns", "header only", "utf-16", "broken xlsx"],
)
def test_broken_files_are_refused_in_russian(content, message):
    with pytest.raises(ImportFileError, match=message):
        import_residents(content, dry_run=True)


@pytest.mark.django_db
def test_xlsx_with_merged_class_cells():
    content = xlsx_bytes(
        [
            ["Фамилия", "Имя", "Класс", "Роль", "E-mail"],
            ["Иванова", "Мария", "9Б", "обучающийся", "maria@example.org"],
            ["Орлов", "Глеб", None, "обучающийся", "orlov@example.org"],
            ["Сидорова", "Анна", None, "педагог", "sidorova@example.org"],
        ],
        merges=["C2:C3"],
    )
    report = import_residents(content, filename="register.xlsx", dry_run=False)
    assert report.ok, report.errors
    assert Membership.objects.get(user__email="orlov@example.org").school_class == "9Б"


@pytest.mark.django_db
def test_the_command_dry_run_and_errors(tmp_path: Path, capsys):
    path = tmp_path / "register.csv"
    path.write_bytes(csv_bytes(GOOD))
    call_command("import_residents", str(path), "--dry-run")
    assert "Будет создано: 3" in capsys.readouterr().out
    assert Membership.objects.count() == 0
    call_command("import_residents", str(path))
    assert Membership.objects.count() == 3
    broken = tmp_path / "broken.csv"
    broken.write_bytes(csv_bytes(HEADER + "Петров;Пётр;;родитель;bad\n"))
    with pytest.raises(CommandError):
        call_command("import_residents", str(broken))
    assert "Строка 2: неверный адрес" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_command_shows_a_progress_bar_on_long_files(tmp_path: Path):
    rows = "".join(f"Фамилия{n};Имя;;педагог;t{n}@example.org\n" for n in range(400))
    path = tmp_path / "long.csv"
    path.write_bytes(csv_bytes(HEADER + rows))
    out, err = io.StringIO(), io.StringIO()
    call_command("import_residents", str(path), "--dry-run", stdout=out, stderr=err)
    assert "Будет создано: 400" in out.getvalue()
    assert "400/400" in err.getvalue()


@pytest.mark.django_db
def test_the_admin_import_view(admin_client):
    upload = SimpleUploadedFile("register.csv", csv_bytes(GOOD), content_type="text/csv")
    response = admin_client.post("/admin/residents/import/", {"file": upload, "dry_run": "on"})
    assert response.status_code == 200
    assert "Будет создано: 3" in response.content.decode()
    assert Membership.objects.count() == 0
    upload = SimpleUploadedFile("register.csv", csv_bytes(GOOD), content_type="text/csv")
    admin_client.post("/admin/residents/import/", {"file": upload})
    assert Membership.objects.count() == 3
    broken = SimpleUploadedFile("empty.csv", b"", content_type="text/csv")
    response = admin_client.post("/admin/residents/import/", {"file": broken})
    assert response.status_code == 200
    assert "/admin/residents/import/" in admin_client.get("/admin/").content.decode()
