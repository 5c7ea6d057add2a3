"""API v3 `projects`: the same rights as the pages, with schemas, and 422 with Russian field errors."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.models import APIToken

from projects.models import Checkpoint, Post, Project, Stage
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


def post(client: Client, url: str, body=None):
    return client.post(url, body or {}, "application/json")


def test_the_author_edits_a_post_for_15_minutes_and_nobody_else_does():
    people = cast()
    journal = f"{API}{people.project.pk}/journal/"
    created = post(signed_in(people.student), journal, {"text": "Черновик"}).json()
    edit = f"{journal}{created['id']}/edit/"
    response = post(signed_in(people.student), edit, {"text": "Собрали макет"})
    assert response.status_code == 200
    assert response.json()["text"] == "Собрали макет" and response.json()["edited_at"] is not None
    refused = post(signed_in(people.teammate), edit, {"text": "Чужая правка"})
    assert refused.status_code == 403
    assert refused.json()["message"] == "Исправить запись может её автор в течение 15 минут."
    Post.objects.filter(pk=created["id"]).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    assert post(signed_in(people.student), edit, {"text": "Поздно"}).status_code == 403
    assert post(signed_in(people.other_student), edit, {"text": "Чужая"}).status_code == 404
    assert Post.objects.get(pk=created["id"]).text == "Собрали макет"


def test_an_edit_with_bad_text_is_a_422_in_russian_and_changes_nothing():
    people = cast()
    journal = f"{API}{people.project.pk}/journal/"
    created = post(signed_in(people.student), journal, {"text": "Черновик"}).json()
    edit = f"{journal}{created['id']}/edit/"
    blank = post(signed_in(people.student), edit, {"text": "   "})
    assert blank.status_code == 422
    assert blank.json()["errors"] == [{"field": "text", "code": "invalid", "message": "Заполните это поле."}]
    long = post(signed_in(people.student), edit, {"text": "я" * 5001})
    assert long.status_code == 422 and long.json()["errors"][0]["message"] == "Не длиннее 5000 симв."
    assert post(signed_in(people.student), f"{journal}999999/edit/", {"text": "x"}).status_code == 404
    stored = Post.objects.get(pk=created["id"])
    assert stored.text == "Черновик" and stored.edited_at is None


def test_the_tutor_hides_a_post_which_stays_marked_and_a_student_cannot():
    people = cast()
    journal = f"{API}{people.project.pk}/journal/"
    created = post(signed_in(people.student), journal, {"text": "Не по теме"}).json()
    hide = f"{journal}{created['id']}/hide/"
    refused = post(signed_in(people.teammate), hide)
    assert refused.status_code == 403
    assert refused.json()["message"] == "Скрыть запись может тьютор проекта или сотрудник."
    response = post(signed_in(people.tutor), hide)
    assert response.status_code == 200 and response.json()["hidden"] is True
    as_student = signed_in(people.student).get(f"{API}{people.project.pk}/").json()["journal"]
    assert as_student == [{**as_student[0], "id": created["id"], "hidden": True, "text": None}]
    assert signed_in(people.tutor).get(f"{API}{people.project.pk}/").json()["journal"][0]["text"] == "Не по теме"
    assert post(signed_in(people.staff), hide).status_code == 200


def test_a_post_carries_a_file_that_only_the_projects_people_download():
    people = cast()
    url = f"{API}{people.project.pk}/journal/with-file/"
    upload = SimpleUploadedFile("smeta.pdf", b"%PDF-1.4 smeta")
    response = signed_in(people.student).post(url, {"text": "Смета", "kind": "question", "file": upload})
    assert response.status_code == 201 and response.json()["kind"] == "question"
    file_url = response.json()["file_url"].removeprefix("http://testserver")
    assert b"".join(signed_in(people.tutor).get(file_url).streaming_content) == b"%PDF-1.4 smeta"
    assert signed_in(people.other_student).get(file_url).status_code == 404
    bad = signed_in(people.student).post(url, {"text": "Вирус", "file": SimpleUploadedFile("run.exe", b"MZ")})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "file"
    assert "Такой файл не принимается" in bad.json()["errors"][0]["message"]
    missing = signed_in(people.student).post(url, {"text": "Без файла"})
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "file"
    parent = signed_in(people.parent).post(url, {"text": "Мама", "file": SimpleUploadedFile("a.pdf", b"%PDF")})
    assert parent.status_code == 403
    assert list(Post.objects.values_list("text", flat=True)) == ["Смета"]


def test_the_tutor_decides_a_join_request_and_the_student_is_told():
    people = cast()
    people.project.open_to_join = True
    people.project.save()
    asked = post(signed_in(people.other_student), f"{API}{people.project.pk}/join-requests/", {"role": "дизайнер"})
    assert asked.status_code == 201
    decision = f"{API}{people.project.pk}/join-requests/{asked.json()['id']}/decision/"
    assert post(signed_in(people.student), decision, {"accept": True}).status_code == 403
    bad = post(signed_in(people.tutor), decision, {"accept": "может быть"})
    assert bad.status_code == 422 and bad.json()["errors"][0] == {
        "field": "accept",
        "code": "bool_parsing",
        "message": "Нужно true или false.",
    }
    assert signed_in(people.tutor).get(f"{API}{people.project.pk}/").json()["join_requests"][0]["role"] == "дизайнер"
    mail.outbox.clear()
    response = post(signed_in(people.tutor), decision, {"accept": True})
    assert response.status_code == 200 and response.json()["status"] == "approved"
    assert people.project.members.filter(user=people.other_student).exists()
    assert [message.to for message in mail.outbox] == [[people.other_student.email]]
    assert post(signed_in(people.tutor), decision, {"accept": False}).status_code == 409


def test_the_tutor_declines_a_stage_move_and_the_project_stays():
    people = cast()
    url = f"{API}{people.project.pk}/stage/"
    assert post(signed_in(people.tutor), url + "decline/").status_code == 409
    assert post(signed_in(people.student), url + "request/").status_code == 201
    refused = post(signed_in(people.student), url + "decline/")
    assert refused.status_code == 403
    response = post(signed_in(people.tutor), url + "decline/")
    assert response.status_code == 200 and response.json()["status"] == "declined"
    detail = signed_in(people.student).get(f"{API}{people.project.pk}/").json()
    assert detail["stage"]["slug"] == "idea" and detail["moves"][0]["status"] == "declined"


def test_a_checkpoint_is_added_with_who_answers_for_it_and_marked_done():
    people = cast()
    url = f"{API}{people.project.pk}/checkpoints/"
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    body = {"title": "Опрос", "due": due, "responsible": people.teammate.pk}
    response = post(signed_in(people.student), url, body)
    assert response.status_code == 201
    assert response.json()["responsible"] == "Пётр С." and response.json()["status"] == "planned"
    status = f"{url}{response.json()['id']}/status/"
    assert post(signed_in(people.parent), status, {"status": "done"}).status_code == 403
    assert post(signed_in(people.teammate), status, {"status": "done"}).json()["status"] == "done"
    assert Checkpoint.objects.get().status == "done"


def test_bad_checkpoints_are_422_in_russian_and_nothing_is_added():
    people = cast()
    url = f"{API}{people.project.pk}/checkpoints/"
    client = signed_in(people.student)
    outsider = post(client, url, {"title": "Опрос", "due": "2030-01-01", "responsible": people.other_student.pk})
    assert outsider.status_code == 422
    assert outsider.json()["errors"] == [
        {"field": "responsible", "code": "invalid", "message": "Ответственный — участник команды."}
    ]
    no_date = post(client, url, {"title": "Опрос", "due": "завтра"})
    assert no_date.status_code == 422
    assert no_date.json()["errors"][0] == {
        "field": "due",
        "code": "date_from_datetime_parsing",
        "message": "Нужна дата в формате ГГГГ-ММ-ДД.",
    }
    assert post(signed_in(people.parent), url, {"title": "Опрос", "due": "2030-01-01"}).status_code == 403
    checkpoint = post(client, url, {"title": "Макет", "due": "2030-01-01"}).json()
    status = post(client, f"{url}{checkpoint['id']}/status/", {"status": "почти"})
    assert status.status_code == 422 and status.json()["errors"][0]["field"] == "status"
    assert list(Checkpoint.objects.values_list("title", "status")) == [("Макет", "planned")]


def test_the_new_actions_are_in_the_openapi_document_with_their_schemas():
    paths = Client().get("/api/v3/openapi.json").json()["paths"]
    prefix = "/api/v3/projects/{project_id}/"
    for path in (
        "journal/with-file/",
        "journal/{post_id}/edit/",
        "journal/{post_id}/hide/",
        "join-requests/{request_id}/decision/",
        "stage/decline/",
        "checkpoints/",
        "checkpoints/{checkpoint_id}/status/",
    ):
        operation = paths[prefix + path]["post"]
        assert {"200", "201"} & set(operation["responses"]), path
        assert "403" in operation["responses"], path
    body = paths[prefix + "checkpoints/"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("ProjectCheckpointCreateSchema")


def test_an_id_beyond_any_row_is_a_422_not_a_database_error():
    people = cast()
    client = signed_in(people.student)
    answer = post(client, f"{API}{people.project.pk}/journal/", {"text": "Ответ", "reply_to_id": 2**40})
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "reply_to_id"
    body = {"title": "Опрос", "due": "2030-01-01", "responsible": 2**40}
    checkpoint = post(client, f"{API}{people.project.pk}/checkpoints/", body)
    assert checkpoint.status_code == 422 and checkpoint.json()["errors"][0]["field"] == "responsible"
    assert not people.project.posts.exists() and not people.project.checkpoints.exists()
