"""Residents' accounts apart from the admin: log in, log out, password reset, "my coworking", lockout."""

import base64
import re

import pytest
from django.core import mail
from django.test import Client, override_settings

from tests.access.users import days, suspended


@pytest.mark.django_db
def test_a_resident_logs_in_sees_my_coworking_and_logs_out(student):
    client = Client()
    page = client.get("/account/login/")
    assert page.status_code == 200
    assert "Вход для резидентов" in page.content.decode()
    response = client.post("/account/login/", {"username": "student", "password": "correct-horse-9"})
    assert response.status_code == 302
    mine = client.get("/account/")
    text = mine.content.decode()
    assert mine.status_code == 200
    for expected in ("Мой коворкинг", "внутренний резидент", "обучающийся", "9Б", "Доступ резидента открыт"):
        assert expected in text
    assert "no-cache" in mine["Cache-Control"] or "private" in mine["Cache-Control"]
    client.post("/account/logout/")
    assert client.get("/account/").status_code == 302


@pytest.mark.django_db
def test_my_coworking_shows_the_partners_contract_end(partner_user):
    client = Client()
    client.force_login(partner_user)
    text = client.get("/account/").content.decode()
    assert "внешний резидент" in text
    assert days(30).strftime("%d.%m.%Y") in text


@pytest.mark.django_db
def test_my_coworking_shows_a_suspension_until_its_end():
    user = suspended("suspended", starts=-1, ends=10)
    client = Client()
    client.force_login(user)
    text = client.get("/account/").content.decode()
    assert "Резидентство приостановлено" in text
    assert days(10).strftime("%d.%m.%Y") in text


@pytest.mark.django_db
def test_password_reset_by_email(student):
    client = Client()
    response = client.post("/account/password-reset/", {"email": "student@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/account/reset/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    assert "Новый пароль" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": "Zvezda-2026-lyceum", "new_password2": "Zvezda-2026-lyceum"}
    )
    assert done.status_code == 302
    assert Client().login(username="student", password="Zvezda-2026-lyceum") is True


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_repeated_failed_logins_lock_the_account(student):
    client = Client()
    for _ in range(3):
        client.post("/account/login/", {"username": "student", "password": "wrong"})
    locked = client.post("/account/login/", {"username": "student", "password": "correct-horse-9"})
    assert locked.status_code == 429
    assert "Вход временно заблокирован" in locked.content.decode()


@pytest.mark.django_db
@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_failed_api_authentication_counts_too(student, residents_page):
    wrong = "Basic " + base64.b64encode(b"student:wrong").decode()
    for _ in range(3):
        Client(HTTP_AUTHORIZATION=wrong).get("/api/v2/pages/")
    locked = Client().post("/account/login/", {"username": "student", "password": "correct-horse-9"})
    assert locked.status_code == 429


@pytest.mark.django_db
def test_demo_residents_can_log_in(monkeypatch, capsys):
    from django.core.management import call_command

    monkeypatch.setenv("DEMO_RESIDENT_PASSWORD", "Demo-Resident-2026")
    call_command("create_demo_residents")
    call_command("create_demo_residents")  # again: resets, creates nothing twice
    assert "demo-student" in capsys.readouterr().out
    client = Client()
    assert client.login(username="demo-partner", password="Demo-Resident-2026")
    assert "внешний резидент" in client.get("/account/").content.decode()
