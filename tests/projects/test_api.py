"""API v3 `projects`: the same rights as the pages, with schemas, and 422 with Russian field errors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.models import APIToken

from projects.models import Project, Stage
from residents.roles import Role
from tests.projects.builders import cast, resident

pytestmark = pytest.mark.django_db
API = "/api/v3/projects/"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_list_gives_the_callers_projects_and_published_ones_only():
    people = cast()
    published = cast("Школьная метеостанция").project
    published.stage = Stage.objects.get(is_published=True)
    published.save()
    titles = lambda client, **query: [item["title"] for item in client.get(API, query).json()["items"]]  # noqa: E731
    assert sorted(titles(signed_in(people.student))) == ["Умная теплица", "Школьная метеостанция"]
    assert titles(signed_in(people.student), mine="true") == ["Умная теплица"]
    assert titles(signed_in(people.other_student)) == ["Школьная метеостанция"]
    assert titles(Client()) == ["Школьная метеостанция"]
    assert titles(signed_in(people.parent), stage="idea") == ["Умная теплица"]


def test_the_detail_has_stages_checkpoints_and_journal_for_the_projects_people():
    people = cast()
    client = signed_in(people.student)
    client.post(f"{API}{people.project.pk}/journal/", {"text": "Собрали макет", "kind": "update"}, "application/json")
    detail = client.get(f"{API}{people.project.pk}/").json()
    assert [row["stage"]["name"] for row in detail["stages"]][:2] == ["идея", "планирование"]
    assert detail["stages"][0]["current"] is True
    assert detail["journal"][0]["text"] == "Собрали макет"
    assert detail["journal"][0]["author"] == "Мария К."
    assert detail["team"] == ["Мария К.", "Пётр С."]
    assert detail["places"]["member"] is True
    assert detail["html_url"].startswith("http://testserver/projects/")


def test_nobody_outside_gets_an_unpublished_project():
    people = cast()
    url = f"{API}{people.project.pk}/"
    for user in (people.other_student, people.other_parent, people.outside_partner):
        assert signed_in(user).get(url).status_code == 404
    assert Client().get(url).json()["code"] == "not_found"
    assert signed_in(people.other_student).post(url + "journal/", {"text": "x"}, "application/json").status_code == 404


def test_a_bearer_token_is_the_caller():
    people = cast()
    _token, key = APIToken.create_token(user=people.tutor, name="app")
    response = Client().get(f"{API}{people.project.pk}/", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 200 and response.json()["places"]["tutor"] is True


def test_a_student_starts_a_project_and_bad_input_is_refused_in_russian():
    student, tutor = resident(), resident(Role.TEACHER)
    client = signed_in(student)
    response = client.post(API, {"title": "", "summary": "С"}, "application/json")
    assert response.status_code == 422
    assert {"field": "title", "code": "string_too_short", "message": "Не короче 1 симв."} in response.json()["errors"]
    response = client.post(API, {"title": "Гербарий", "summary": "С", "tutor": student.pk}, "application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "tutor", "code": "invalid", "message": "Выберите тьютора проекта из педагогов лицея."}
    ]
    assert not Project.objects.exists()
    response = client.post(API, {"title": "Гербарий", "summary": "С", "tutor": tutor.pk}, "application/json")
    assert response.status_code == 201 and response.json()["stage"]["slug"] == "idea"
    assert Client().post(API, {"title": "Т", "summary": "С"}, "application/json").status_code == 401


def test_a_parent_reads_but_may_not_post():
    people = cast()
    response = signed_in(people.parent).post(
        f"{API}{people.project.pk}/journal/", {"text": "Молодцы"}, "application/json"
    )
    assert response.status_code == 403
    assert response.json()["message"] == "Писать в журнал могут команда, тьютор и консультанты проекта."


def test_an_artefact_is_uploaded_and_served_only_to_the_projects_people():
    people = cast()
    upload = SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan")
    response = signed_in(people.student).post(
        f"{API}{people.project.pk}/artefacts/", {"kind": "document", "title": "План", "file": upload}
    )
    assert response.status_code == 201
    url = response.json()["url"].removeprefix("http://testserver")
    assert b"".join(signed_in(people.parent).get(url).streaming_content) == b"%PDF-1.4 plan"
    assert signed_in(people.other_student).get(url).status_code == 404
    bad = signed_in(people.student).post(f"{API}{people.project.pk}/artefacts/", {"kind": "image", "title": "Фото"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "file"


def test_the_tutor_approves_the_stage_and_a_student_cannot():
    people = cast()
    url = f"{API}{people.project.pk}/stage/"
    assert signed_in(people.student).post(url + "request/").status_code == 201
    assert signed_in(people.student).post(url + "approve/").status_code == 403
    response = signed_in(people.tutor).post(url + "approve/")
    assert response.status_code == 200 and response.json()["to_stage"] == "планирование"
    assert signed_in(people.student).post(url + "request/").status_code == 201


def test_a_student_asks_to_join_an_open_project():
    people = cast()
    url = f"{API}{people.project.pk}/join-requests/"
    assert signed_in(people.other_student).post(url, {}, "application/json").status_code == 404
    people.project.stage = Stage.objects.get(is_published=True)
    people.project.save()
    assert signed_in(people.other_student).post(url, {}, "application/json").status_code == 409
