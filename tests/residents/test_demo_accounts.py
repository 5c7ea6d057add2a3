"""The demo accounts of scripts/run.sh: created once, the same passwords printed on every run, kept in an
untracked local file that only its owner may read."""

import re
import stat

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

RESIDENTS = ("demo-student", "demo-teacher", "demo-partner")


@pytest.fixture
def credentials(settings, tmp_path, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_RESIDENT_PASSWORD", raising=False)
    settings.DEMO_CREDENTIALS_FILE = tmp_path / "demo-credentials"
    return settings.DEMO_CREDENTIALS_FILE


def run(command: str, capsys) -> str:
    call_command(command)
    return capsys.readouterr().out


def admin_password(output: str) -> str:
    return re.search(r"Администратор: логин admin, пароль (\S+)", output).group(1)


def resident_passwords(output: str) -> dict[str, str]:
    return dict(re.findall(r"Резидент (\S+) \([^)]*\): пароль (\S+)", output))


@pytest.mark.django_db
def test_the_demo_admin_keeps_its_password_and_it_is_printed_on_every_run(credentials, capsys):
    first = admin_password(run("create_demo_admin", capsys))
    second = admin_password(run("create_demo_admin", capsys))
    assert first == second and len(first) >= 12
    client = Client()
    assert client.login(username="admin", password=second)
    assert client.get("/admin/").status_code == 200
    assert stat.S_IMODE(credentials.stat().st_mode) == 0o600


@pytest.mark.django_db
def test_a_password_changed_in_the_admin_is_put_back_to_the_printed_one(credentials, capsys, django_user_model):
    printed = admin_password(run("create_demo_admin", capsys))
    admin = django_user_model.objects.get(username="admin")
    admin.set_password("changed-by-someone")
    admin.save()
    assert admin_password(run("create_demo_admin", capsys)) == printed
    assert Client().login(username="admin", password=printed)


@pytest.mark.django_db
def test_the_demo_admin_password_from_the_environment_wins_and_is_not_written_down(credentials, capsys, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "Demo-Admin-2026")
    assert admin_password(run("create_demo_admin", capsys)) == "Demo-Admin-2026"
    assert Client().login(username="admin", password="Demo-Admin-2026")
    assert not credentials.exists()


@pytest.mark.django_db
def test_demo_residents_keep_their_passwords_across_runs(credentials, capsys):
    first_output = run("create_demo_residents", capsys)
    first = resident_passwords(first_output)
    second = resident_passwords(run("create_demo_residents", capsys))
    assert set(first) == set(RESIDENTS)
    assert first == second
    assert "Вход для резидентов: http://testserver/account/login/" in first_output
    client = Client()
    assert client.login(username="demo-student", password=second["demo-student"])
    assert "внутренний резидент" in client.get("/account/").content.decode()


@pytest.mark.django_db
def test_the_admin_and_the_residents_share_one_credentials_file(credentials, capsys):
    admin = admin_password(run("create_demo_admin", capsys))
    residents = resident_passwords(run("create_demo_residents", capsys))
    assert admin_password(run("create_demo_admin", capsys)) == admin
    assert resident_passwords(run("create_demo_residents", capsys)) == residents
    kept = credentials.read_text(encoding="utf-8")
    assert admin in kept and all(password in kept for password in residents.values())


@pytest.mark.django_db
def test_a_damaged_credentials_file_stops_the_command_with_a_message(credentials):
    credentials.write_text("not json", encoding="utf-8")
    with pytest.raises(CommandError, match="повреждён: удалите его"):
        call_command("create_demo_admin")
