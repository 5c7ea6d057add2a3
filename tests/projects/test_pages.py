"""The project pages as residents use them: the boards, the start form, the project page with its journal,
the showcase, and the e-mail settings."""

import datetime
import re

import pytest
from django.test import Client

from projects import services
from projects.models import Project, Stage
from residents.roles import Role
from tests.projects.builders import cast, publish_name, resident, today

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def html(client, url, data=None) -> str:
    response = client.get(url, data or {})
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_my_coworking_links_to_the_projects():
    page = html(signed_in(resident()), "/account/")
    assert 'href="/projects/"' in page and "Мои проекты" in page
    assert 'href="/projects/showcase/"' in page


def test_the_board_has_a_column_per_stage_and_marks_overdue_checkpoints():
    people = cast()
    services.checkpoint_add(
        project=people.project, by=people.student, title="Опрос", due=today() - datetime.timedelta(days=1)
    )
    page = html(signed_in(people.student), "/projects/")
    for name in ("идея", "планирование", "исследование", "создание продукта", "защита", "опубликован"):
        assert f">{name} <" in page
    assert "Умная теплица" in page
    assert "projects-card--overdue" in page and "Просрочена 1 контрольная точка" in page


def test_the_tutors_board_filters_by_class_stage_and_overdue():
    people = cast()
    other = services.project_create(
        by=resident(school_class="11А"), title="Газета", summary="С", tutor_id=people.tutor.pk
    )
    client = signed_in(people.tutor)
    assert "Газета" in html(client, "/projects/tutor/") and "Умная теплица" in html(client, "/projects/tutor/")
    by_class = html(client, "/projects/tutor/", {"school_class": "11а"})
    assert "Газета" in by_class and "Умная теплица" not in by_class
    assert "Газета" not in html(client, "/projects/tutor/", {"stage": "planning"})
    services.checkpoint_add(project=other, by=people.tutor, title="Вёрстка", due=today() - datetime.timedelta(days=3))
    overdue = html(client, "/projects/tutor/", {"overdue": "on"})
    assert "Газета" in overdue and "Умная теплица" not in overdue
    assert "Газета" not in html(signed_in(people.student), "/projects/tutor/")


def test_a_student_starts_a_project_from_the_form():
    student, tutor = resident(), resident(Role.TEACHER, first="Анна", last="Крылова")
    client = signed_in(student)
    assert "Анна Крылова" in html(client, "/projects/new/")
    response = client.post(
        "/projects/new/",
        {"title": "Школьный гербарий", "summary": "Цифровой гербарий.", "kind": "individual", "tutor": tutor.pk},
    )
    project = Project.objects.get(title="Школьный гербарий")
    assert response.status_code == 302 and response["Location"] == f"/projects/{project.pk}/"


def test_the_start_form_says_what_is_wrong_in_russian_and_changes_nothing():
    response = signed_in(resident()).post("/projects/new/", {"title": "", "summary": "С", "kind": "individual"})
    assert response.status_code == 400
    assert "Требуется заполнить это поле." in response.content.decode()
    response = signed_in(resident()).post("/projects/new/", {"title": "Т", "summary": "С", "kind": "individual"})
    assert "Выберите тьютора проекта из педагогов лицея." in response.content.decode()
    assert not Project.objects.exists()


def test_anonymous_visitors_are_sent_to_log_in():
    assert Client().get("/projects/")["Location"].startswith("/account/login/")


def test_the_team_posts_and_the_tutor_hides_a_post_that_stays_marked():
    people = cast()
    student, tutor = signed_in(people.student), signed_in(people.tutor)
    url = f"/projects/{people.project.pk}/"
    student.post(url + "do/post/", {"post-kind": "question", "post-text": "Какой взять датчик?"})
    post = people.project.posts.get()
    assert "Какой взять датчик?" in html(student, url) and "Исправить" in html(student, url)
    tutor.post(url + f"do/answer/{post.pk}/", {"text": "Ёмкостный."})
    assert "Ёмкостный." in html(student, url)
    tutor.post(url + f"do/hide/{post.pk}/")
    page = html(student, url)
    assert "Запись скрыта тьютором" in page and "Какой взять датчик?" not in page
    assert "Какой взять датчик?" in html(tutor, url)


def test_a_refused_action_shows_the_rule():
    people = cast()
    response = signed_in(people.student).post(f"/projects/{people.project.pk}/do/move-approve/", follow=True)
    assert "Переход между стадиями одобряет тьютор проекта." in response.content.decode()


def test_the_team_asks_for_the_next_stage_and_the_tutor_approves_it_on_the_page():
    people = cast()
    url = f"/projects/{people.project.pk}/"
    signed_in(people.student).post(url + "do/move-request/")
    page = html(signed_in(people.tutor), url)
    assert "Ждёт решения тьютора: переход на стадию «планирование»." in page
    signed_in(people.tutor).post(url + "do/move-approve/")
    assert '<dd id="project-stage">планирование</dd>' in html(signed_in(people.student), url)


def test_the_showcase_names_students_only_as_published_with_consent():
    people = cast()
    publish_name(people.student, "Мария К.")
    people.project.stage = Stage.objects.get(is_published=True)
    people.project.save()
    page = html(Client(), "/projects/showcase/")
    assert "Умная теплица" in page and "Мария К." in page
    assert "Пётр" not in page and "Смирнов" not in page and "Кузнецова" not in page
    public = html(Client(), f"/projects/{people.project.pk}/")
    assert "Мария К." in public and "Пётр" not in public and "Журнал проекта" not in public


def test_open_projects_are_listed_to_residents_with_the_roles_sought():
    people = cast()
    people.project.open_to_join, people.project.roles_sought = True, "программист, дизайнер"
    people.project.save()
    page = html(signed_in(resident(school_class="7А")), "/projects/open/")
    assert "Умная теплица" in page and "программист, дизайнер" in page
    assert "Умная теплица" in html(signed_in(resident(Role.REPRESENTATIVE)), "/projects/open/")
    assert Client().get("/projects/open/").status_code == 302


def test_a_resident_turns_an_e_mail_off():
    user = resident()
    client = signed_in(user)
    assert 'value="new_post" checked' in html(client, "/projects/notifications/")
    client.post("/projects/notifications/", {"kind": ["join_request", "stage_approved"]})
    page = html(client, "/projects/notifications/")
    assert 'value="new_post" checked' not in page and 'value="join_request" checked' in page


def test_the_start_form_sets_consultants_a_partner_and_the_audience():
    people = cast()
    partner = people.consultant.membership.partner
    client = signed_in(people.tutor)
    form = html(client, "/projects/new/")
    assert "Сергей Волков (ООО «Партнёр»)" in form and "Анна Крылова" in form
    assert "Мария" not in form.split('name="consultants"')[1].split("</select>")[0]
    body = {
        "title": "Ветряк",
        "summary": "Малая ветроустановка.",
        "kind": "individual",
        "consultants": [people.consultant.pk],
        "partner": partner.pk,
        "audience": "internal",
    }
    response = client.post("/projects/new/", body)
    assert response.status_code == 302
    project = Project.objects.get(title="Ветряк")
    assert list(project.consultants.all()) == [people.consultant]
    assert project.partner == partner and project.audience == "internal"
    page = html(client, response.url)
    assert "Сергей Волков" in page and "ООО «Партнёр»" in page


def test_a_partners_consultant_needs_that_partner_and_a_student_is_no_consultant():
    people = cast()
    client = signed_in(people.tutor)
    body = {"title": "Ветряк", "summary": "С", "kind": "individual", "audience": "everyone"}
    without = client.post("/projects/new/", {**body, "consultants": [people.consultant.pk]})
    assert without.status_code == 400
    assert "Представитель партнёра консультирует, если его организация выбрана партнёром проекта." in (
        without.content.decode()
    )
    student = client.post("/projects/new/", {**body, "consultants": [people.student.pk]})
    assert student.status_code == 400 and "Выберите корректный вариант" in student.content.decode()
    assert not Project.objects.filter(title="Ветряк").exists()


def test_the_tutor_changes_the_projects_settings_and_the_team_may_not():
    people = cast()
    teacher = resident(Role.TEACHER, first="Нина", last="Белова")
    url = f"/projects/{people.project.pk}/do/settings/"
    assert "Настройки проекта" not in html(signed_in(people.student), f"/projects/{people.project.pk}/")
    assert signed_in(people.student).get(f"/projects/{people.project.pk}/settings/").status_code == 404
    assert f'href="/projects/{people.project.pk}/settings/"' in html(
        signed_in(people.tutor), f"/projects/{people.project.pk}/"
    )
    page = html(signed_in(people.tutor), f"/projects/{people.project.pk}/settings/")
    assert 'name="settings-audience"' in page and '<option value="everyone" selected>' in page
    assert re.search(rf'type="checkbox" name="settings-consultants" value="{people.consultant.pk}"[^>]* checked>', page)
    body = {
        "settings-consultants": [teacher.pk],
        "settings-partner": "",
        "settings-audience": "residents",
        "settings-open_to_join": "on",
        "settings-roles_sought": "дизайнер",
    }
    signed_in(people.student).post(url, body)
    people.project.refresh_from_db()
    assert people.project.audience == "everyone" and list(people.project.consultants.all()) == [people.consultant]
    response = signed_in(people.tutor).post(url, body, follow=True)
    assert "Настройки проекта сохранены." in response.content.decode()
    people.project.refresh_from_db()
    assert list(people.project.consultants.all()) == [teacher] and people.project.partner is None
    assert people.project.audience == "residents" and people.project.open_to_join
    bad = signed_in(people.tutor).post(url, {**body, "settings-audience": "все"}, follow=True)
    assert "Кому открыт опубликованный проект" in bad.content.decode()
    people.project.refresh_from_db()
    assert people.project.audience == "residents"


def test_a_checkpoint_gets_who_answers_for_it_among_the_team():
    people = cast()
    client = signed_in(people.student)
    page = html(client, f"/projects/{people.project.pk}/")
    assert 'name="checkpoint-responsible"' in page and ">Пётр С.</option>" in page
    url = f"/projects/{people.project.pk}/do/checkpoint/"
    body = {"checkpoint-title": "Опрос", "checkpoint-due": "2030-05-01"}
    outsider = client.post(url, {**body, "checkpoint-responsible": people.other_student.pk}, follow=True)
    assert "Ответственный" in outsider.content.decode()
    assert not people.project.checkpoints.exists()
    client.post(url, {**body, "checkpoint-responsible": people.teammate.pk})
    assert people.project.checkpoints.get().responsible == people.teammate
    assert "ответственный: Пётр С." in html(client, f"/projects/{people.project.pk}/")


def test_a_resident_opens_a_project_looking_for_people_and_asks_to_join():
    people = cast()
    people.project.open_to_join, people.project.roles_sought = True, "дизайнер"
    people.project.save()
    newcomer = signed_in(resident(first="Лев", last="Орлов"))
    page = html(newcomer, f"/projects/{people.project.pk}/")
    assert "Присоединиться к проекту" in page and "Журнал проекта" not in page and "Пётр" not in page
    response = newcomer.post(f"/projects/{people.project.pk}/do/join/", {"join-role": "дизайнер"}, follow=True)
    assert "Заявка отправлена тьютору проекта." in response.content.decode()
    assert people.project.join_requests.get().role == "дизайнер"
