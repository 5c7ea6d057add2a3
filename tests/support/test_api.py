"""API v3 of the support system: programmes, materials and each person's own progress."""

import pytest
from django.test import Client
from wagtail.models import APIToken

from support.models import ModuleProgress, ProgrammeCompletion
from tests.access.users import internal
from tests.api_contract import (
    assert_absolute,
    assert_documented,
    assert_moscow_datetime,
    assert_window_bounds,
    assert_windows,
    error,
    field_error,
    openapi_operation,
    paged,
)
from tests.support import builders


def _bearer(user) -> dict:
    _token, key = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.django_db
def test_programmes_list_holds_the_audiences(staff_client, empty_home):
    open_programme = builders.programme(empty_home, title="Открытая программа", audience="everyone")
    builders.programme(empty_home, title="Программа для резидентов")
    anonymous = paged(Client().get("/api/v3/support/programmes/"), total=1)
    assert [item["title"] for item in anonymous] == ["Открытая программа"]
    assert_absolute(anonymous[0]["url"])
    paged(staff_client.get("/api/v3/support/programmes/"), total=2)
    assert Client().get(f"/api/v3/support/programmes/{open_programme.pk}/").status_code == 200
    paged(staff_client.get("/api/v3/support/programmes/", {"target_group": "parents"}), total=0)
    response = staff_client.get("/api/v3/support/programmes/", {"target_group": "aliens"})
    assert "parents" in field_error(response, "target_group")["message"]


@pytest.mark.django_db
def test_a_residents_session_or_token_gives_their_tier(client, empty_home):
    programme = builders.programme(empty_home, title="Программа для резидентов")
    material = builders.material(empty_home, title="Материал для резидентов")
    reads = [
        "/api/v3/support/programmes/",
        f"/api/v3/support/programmes/{programme.pk}/",
        "/api/v3/support/materials/",
        f"/api/v3/support/materials/{material.pk}/",
    ]
    assert [client.get(url).status_code for url in reads] == [200, 404, 200, 404]
    teacher = internal("teacher", "teacher")
    assert [Client().get(url, **_bearer(teacher)).status_code for url in reads] == [200] * 4
    client.force_login(teacher)
    assert [client.get(url).status_code for url in reads] == [200] * 4
    paged(client.get(reads[0]), total=1)
    paged(client.get(reads[2]), total=1)


@pytest.mark.django_db
def test_errors_come_in_the_one_error_format(client, empty_home):
    programme = builders.programme(empty_home)
    material = builders.material(empty_home)
    body = error(client.get(f"/api/v3/support/programmes/{programme.pk}/"), 404, "programme_not_found")
    assert body["message"] == "Программа не найдена."
    error(client.get(f"/api/v3/support/materials/{material.pk}/"), 404, "material_not_found")
    for url in ["/api/v3/support/programmes/", "/api/v3/support/materials/", "/api/v3/support/progress/"]:
        error(client.get(url, HTTP_AUTHORIZATION="Bearer wrong"), 401, "invalid_token")
    error(client.get("/api/v3/support/progress/completions/"), 401, "not_authenticated")


@pytest.mark.django_db
def test_lists_follow_the_pagination_contract(staff_client, staff_user, empty_home):
    for number in range(3):
        builders.material(empty_home, title=f"Материал {number}")
        page = builders.programme(empty_home, title=f"Программа {number}", modules=[builders.module("М", 2)])
        module_id = page.module_ids()[0]
        staff_client.put(f"/api/v3/support/progress/{page.pk}/modules/{module_id}/")
    for url in [
        "/api/v3/support/programmes/",
        "/api/v3/support/materials/",
        "/api/v3/support/progress/",
    ]:
        assert_windows(staff_client, url, key="id" if "progress" not in url else "programme_id")
        assert_window_bounds(staff_client, url)
    assert_windows(staff_client, "/api/v3/support/progress/completions/", key="programme_id")
    assert_window_bounds(staff_client, "/api/v3/support/progress/completions/")
    titles = [item["title"] for item in paged(staff_client.get("/api/v3/support/materials/", {"limit": 2}), total=3)]
    assert titles == ["Материал 0", "Материал 1"]


@pytest.mark.django_db
def test_programme_detail_gives_modules_with_stable_ids(staff_client, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    data = staff_client.get(f"/api/v3/support/programmes/{page.pk}/").json()
    assert data["total_hours"] == 4
    assert data["modules"] == [
        {
            "id": "m-1",
            "title": "Введение",
            "hours": 4,
            "topics": ["Тема модуля «Введение»"],
            "outcomes": [],
            "material_ids": [],
        }
    ]
    assert Client().get(f"/api/v3/support/programmes/{page.pk}/").status_code == 404


@pytest.mark.django_db
def test_programme_modules_name_only_the_materials_the_caller_may_open(client, empty_home):
    open_material = builders.material(empty_home, title="Открытый", audience="everyone")
    closed_material = builders.material(empty_home, title="Для резидентов")
    modules = [builders.module("Введение", 4, materials=[open_material, closed_material], module_id="m-1")]
    page = builders.programme(empty_home, audience="everyone", modules=modules, expected_outcomes="<p>Умеет</p>")
    data = client.get(f"/api/v3/support/programmes/{page.pk}/").json()
    assert data["modules"][0]["material_ids"] == [open_material.pk]
    assert data["expected_outcomes"] == "<p>Умеет</p>" and data["target_group"] == "teachers"
    assert_absolute(data["url"])


@pytest.mark.django_db
def test_materials_list_filters_and_holds_the_audiences(staff_client, empty_home):
    builders.material(empty_home, title="Для родителей", for_teachers=False, for_parents=True, audience="everyone")
    builders.material(empty_home, title="Для педагогов", topics=[builders.topic()])
    assert [item["title"] for item in paged(Client().get("/api/v3/support/materials/"))] == ["Для родителей"]
    items = paged(staff_client.get("/api/v3/support/materials/", {"group": "teachers"}), total=1)
    assert [item["title"] for item in items] == ["Для педагогов"]
    assert items[0]["topics"] == [{"name": "Индивидуальный проект", "slug": "project"}]
    assert items[0]["target_groups"] == ["teachers"] and items[0]["kind"] == "checklist"
    assert_absolute(items[0]["url"])
    paged(staff_client.get("/api/v3/support/materials/", {"topic": "project"}), total=1)
    response = staff_client.get("/api/v3/support/materials/", {"group": "aliens"})
    assert "teachers" in field_error(response, "group")["message"]
    response = staff_client.get("/api/v3/support/materials/", {"topic": "astrology"})
    assert field_error(response, "topic") == {"field": "topic", "code": "does_not_exist", "message": "Такой темы нет."}
    field_error(staff_client.get("/api/v3/support/materials/", {"q": "я" * 201}), "q")


@pytest.mark.django_db
def test_progress_api_is_for_the_person_concerned_only(staff_user, other_staff_user, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    ModuleProgress.objects.create(user=staff_user, programme=page, module_id="m-1")
    error(Client().get("/api/v3/support/progress/"), 401, "not_authenticated")
    mine = paged(Client().get("/api/v3/support/progress/", **_bearer(staff_user)), total=1)
    assert mine[0]["done_module_ids"] == ["m-1"] and mine[0]["percent"] == 100
    theirs = paged(Client().get("/api/v3/support/progress/", **_bearer(other_staff_user)), total=1)
    assert theirs[0]["done_module_ids"] == []
    session = Client()
    session.force_login(staff_user)
    assert paged(session.get("/api/v3/support/progress/"))[0]["done_module_ids"] == ["m-1"]


@pytest.mark.django_db
def test_progress_api_marks_and_unmarks_a_module_with_a_token(staff_user, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    headers = _bearer(staff_user)
    url = f"/api/v3/support/progress/{page.pk}/modules/m-1/"
    data = Client().put(url, **headers).json()
    assert data["done_count"] == 1 and data["programme_id"] == page.pk
    assert_moscow_datetime(data["completed_at"])
    completions = paged(Client().get("/api/v3/support/progress/completions/", **headers), total=1)
    assert [item["title"] for item in completions] == [page.title]
    assert_moscow_datetime(completions[0]["completed_at"])
    assert Client().delete(url, **headers).json()["done_count"] == 0
    response = Client().put(f"/api/v3/support/progress/{page.pk}/modules/nope/", **headers)
    assert "нет такого модуля" in error(response, 404, "module_not_found")["message"]
    error(Client().put(url), 401, "not_authenticated")
    error(Client().put("/api/v3/support/progress/999999/modules/m-1/", **headers), 404, "programme_not_found")


@pytest.mark.django_db
def test_progress_api_marks_a_module_by_session_with_the_csrf_token_only(staff_user, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(staff_user)
    url = f"/api/v3/support/progress/{page.pk}/modules/m-1/"
    error(browser.put(url), 403, "csrf_failed")
    assert not ModuleProgress.objects.exists()
    browser.get(page.url)  # the programme page sets the CSRF cookie, as a browser gets it
    response = browser.put(url, HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert response.status_code == 200, response.content
    assert ModuleProgress.objects.filter(user=staff_user, module_id="m-1").exists()


@pytest.mark.django_db
def test_support_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/support/programmes/" in paths
    assert "/api/v3/support/progress/" in paths
    programmes = openapi_operation(client, "/api/v3/support/programmes/")
    assert_documented(programmes, parameters={"target_group", "limit", "offset"}, errors={401, 422})
    materials = openapi_operation(client, "/api/v3/support/materials/")
    assert_documented(materials, parameters={"group", "topic", "q", "limit", "offset"}, errors={401, 422})
    for path in ["/api/v3/support/programmes/{programme_id}/", "/api/v3/support/materials/{material_id}/"]:
        assert_documented(openapi_operation(client, path), errors={401, 404, 422})
    for path in ["/api/v3/support/progress/", "/api/v3/support/progress/completions/"]:
        operation = openapi_operation(client, path)
        assert_documented(operation, parameters={"limit", "offset"}, errors={401, 422})
        assert {} not in operation["security"]
    for method in ["put", "delete"]:
        operation = openapi_operation(client, "/api/v3/support/progress/{programme_id}/modules/{module_id}/", method)
        assert_documented(operation, parameters={"programme_id", "module_id"}, errors={401, 403, 404, 422})


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 10])
def test_api_lists_take_a_bounded_number_of_queries(
    staff_client, staff_user, empty_home, django_assert_max_num_queries, count
):
    topic = builders.topic()
    for number in range(count):
        material = builders.material(empty_home, title=f"Материал {number}", topics=[topic])
        modules = [builders.module("Введение", 4, materials=[material]), builders.module("Практика", 8)]
        page = builders.programme(empty_home, title=f"Программа {number}", modules=modules)
        ProgrammeCompletion.objects.create(user=staff_user, programme=page, programme_title=page.title, hours=12)
    with django_assert_max_num_queries(12):
        paged(staff_client.get("/api/v3/support/materials/"), total=count)
    with django_assert_max_num_queries(12):
        paged(staff_client.get("/api/v3/support/programmes/"), total=count)
    with django_assert_max_num_queries(12):
        paged(staff_client.get("/api/v3/support/progress/"), total=count)
    with django_assert_max_num_queries(12):
        paged(staff_client.get("/api/v3/support/progress/completions/"), total=count)
