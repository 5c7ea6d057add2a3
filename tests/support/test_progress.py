"""A resident marks modules done and sees their progress; each resident's progress is their own."""

import pytest
from django.test import Client

from support.models import ModuleProgress, ProgrammeCompletion
from support.selectors import programmes_completed
from tests.support import builders


def _modules():
    return [builders.module("Введение", 4, module_id="m-intro"), builders.module("Практика", 8, module_id="m-practice")]


def _mark(client, page, module_id, *, done=True):
    return client.post(f"{page.url}progress/{module_id}/", {"done": "1" if done else "0"}, follow=True)


@pytest.mark.django_db
def test_resident_marks_modules_done_and_sees_progress_and_completion(staff_client, staff_user, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    response = _mark(staff_client, page, "m-intro")
    html = response.content.decode()
    assert "Модуль отмечен как пройденный." in html
    assert "Пройдено модулей: 1 из 2 (50%), 4 из 12 ч." in html
    assert not ProgrammeCompletion.objects.exists()

    html = _mark(staff_client, page, "m-practice").content.decode()
    assert "Пройдено модулей: 2 из 2 (100%), 12 из 12 ч." in html
    assert "Программа пройдена" in html
    completion = programmes_completed(user=staff_user).get()
    assert (completion.programme_title, completion.hours) == (page.title, 12)


@pytest.mark.django_db
def test_progress_belongs_to_each_resident(staff_client, other_staff_user, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    _mark(staff_client, page, "m-intro")
    other = Client()
    other.force_login(other_staff_user)
    assert "Пройдено модулей: 0 из 2" in other.get(page.url).content.decode()
    _mark(other, page, "m-practice")
    assert set(ModuleProgress.objects.values_list("user__username", "module_id")) == {
        ("methodologist", "m-intro"),
        ("tutor", "m-practice"),
    }
    assert "Пройдено модулей: 1 из 2 (50%), 4 из 12 ч." in staff_client.get(page.url).content.decode()


@pytest.mark.django_db
def test_unmarking_takes_back_the_module_and_the_completion(staff_client, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    _mark(staff_client, page, "m-intro")
    _mark(staff_client, page, "m-practice")
    assert ProgrammeCompletion.objects.count() == 1
    html = _mark(staff_client, page, "m-practice", done=False).content.decode()
    assert "Отметка снята." in html
    assert "Пройдено модулей: 1 из 2" in html
    assert not ProgrammeCompletion.objects.exists()


@pytest.mark.django_db
def test_marking_twice_is_harmless(staff_client, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    _mark(staff_client, page, "m-intro")
    _mark(staff_client, page, "m-intro")
    assert ModuleProgress.objects.count() == 1


@pytest.mark.django_db
def test_unknown_module_gets_a_clear_message_and_changes_nothing(staff_client, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    html = _mark(staff_client, page, "no-such-module").content.decode()
    assert "В программе нет такого модуля" in html
    assert not ModuleProgress.objects.exists()


@pytest.mark.django_db
def test_progress_form_needs_csrf_token(staff_user, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    response = client.post(f"{page.url}progress/m-intro/", {"done": "1"})
    assert response.status_code == 403
    assert not ModuleProgress.objects.exists()


@pytest.mark.django_db
def test_progress_form_works_without_javascript_with_the_token_of_the_page(staff_user, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    html = client.get(page.url).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post(f"{page.url}progress/m-intro/", {"done": "1", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"].endswith("#module-m-intro")
    assert ModuleProgress.objects.count() == 1


@pytest.mark.django_db
def test_progress_only_by_post(staff_client, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    assert staff_client.get(f"{page.url}progress/m-intro/").status_code == 405


@pytest.mark.django_db
def test_anonymous_visitor_of_an_open_programme_is_asked_to_log_in_and_nothing_is_recorded(empty_home):
    page = builders.programme(empty_home, audience="everyone", modules=_modules())
    client = Client()
    html = client.get(page.url).content.decode()
    assert "Войдите как резидент" in html
    assert "progress/m-intro/" not in html
    html = _mark(client, page, "m-intro").content.decode()
    assert "Войдите, чтобы отмечать пройденные модули." in html
    assert not ModuleProgress.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitor_of_a_residents_programme_is_sent_to_log_in(empty_home):
    page = builders.programme(empty_home, modules=_modules())
    response = Client().post(f"{page.url}progress/m-intro/", {"done": "1"})
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not ModuleProgress.objects.exists()


@pytest.mark.django_db
def test_removed_module_no_longer_counts(staff_client, empty_home):
    page = builders.programme(empty_home, modules=_modules())
    _mark(staff_client, page, "m-intro")
    page.modules = [builders.module("Практика", 8, module_id="m-practice")]
    page.total_hours = 8
    page.save_revision().publish()
    assert "Пройдено модулей: 0 из 1" in staff_client.get(page.url).content.decode()
