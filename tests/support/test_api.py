"""API v3 of the support system: programmes, materials and each person's own progress."""

import pytest
from django.test import Client
from wagtail.models import APIToken

from support.models import ModuleProgress
from tests.support import builders


def _bearer(user) -> dict:
    _token, key = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.django_db
def test_programmes_list_holds_the_audiences(staff_client, empty_home):
    open_programme = builders.programme(empty_home, title="Открытая программа", audience="everyone")
    builders.programme(empty_home, title="Программа для резидентов")
    anonymous = Client().get("/api/v3/support/programmes/").json()
    assert [item["title"] for item in anonymous["items"]] == ["Открытая программа"]
    staff = staff_client.get("/api/v3/support/programmes/").json()
    assert staff["count"] == 2
    assert Client().get(f"/api/v3/support/programmes/{open_programme.pk}/").status_code == 200
    assert staff_client.get("/api/v3/support/programmes/", {"target_group": "parents"}).json()["count"] == 0
    response = staff_client.get("/api/v3/support/programmes/", {"target_group": "aliens"})
    assert response.status_code == 400
    assert "Такой группы нет" in response.json()["detail"]


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
def test_materials_list_filters_and_holds_the_audiences(staff_client, empty_home):
    builders.material(empty_home, title="Для родителей", for_teachers=False, for_parents=True, audience="everyone")
    builders.material(empty_home, title="Для педагогов", topics=[builders.topic()])
    assert [item["title"] for item in Client().get("/api/v3/support/materials/").json()["items"]] == ["Для родителей"]
    data = staff_client.get("/api/v3/support/materials/", {"group": "teachers"}).json()
    assert [item["title"] for item in data["items"]] == ["Для педагогов"]
    assert data["items"][0]["topics"] == [{"name": "Индивидуальный проект", "slug": "project"}]
    response = staff_client.get("/api/v3/support/materials/", {"group": "aliens"})
    assert response.status_code == 400
    assert "Такой группы нет" in response.json()["detail"]


@pytest.mark.django_db
def test_progress_api_is_for_the_person_concerned_only(staff_user, other_staff_user, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    ModuleProgress.objects.create(user=staff_user, programme=page, module_id="m-1")
    assert Client().get("/api/v3/support/progress/").status_code == 401
    mine = Client().get("/api/v3/support/progress/", **_bearer(staff_user)).json()
    assert mine[0]["done_module_ids"] == ["m-1"] and mine[0]["percent"] == 100
    theirs = Client().get("/api/v3/support/progress/", **_bearer(other_staff_user)).json()
    assert theirs[0]["done_module_ids"] == []


@pytest.mark.django_db
def test_progress_api_marks_and_unmarks_a_module_with_a_token(staff_user, empty_home):
    page = builders.programme(empty_home, modules=[builders.module("Введение", 4, module_id="m-1")])
    headers = _bearer(staff_user)
    url = f"/api/v3/support/progress/{page.pk}/modules/m-1/"
    data = Client().put(url, **headers).json()
    assert data["done_count"] == 1 and data["completed_at"]
    completions = Client().get("/api/v3/support/progress/completions/", **headers).json()
    assert [item["title"] for item in completions] == [page.title]
    assert Client().delete(url, **headers).json()["done_count"] == 0
    response = Client().put(f"/api/v3/support/progress/{page.pk}/modules/nope/", **headers)
    assert response.status_code == 400
    assert Client().put(url).status_code == 401


@pytest.mark.django_db
def test_support_endpoints_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/support/programmes/" in paths
    assert "/api/v3/support/progress/" in paths


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 10])
def test_api_lists_take_a_bounded_number_of_queries(staff_client, empty_home, django_assert_max_num_queries, count):
    topic = builders.topic()
    for number in range(count):
        material = builders.material(empty_home, title=f"Материал {number}", topics=[topic])
        modules = [builders.module("Введение", 4, materials=[material]), builders.module("Практика", 8)]
        builders.programme(empty_home, title=f"Программа {number}", modules=modules)
    with django_assert_max_num_queries(12):
        assert staff_client.get("/api/v3/support/materials/").json()["count"] == count
    with django_assert_max_num_queries(12):
        assert staff_client.get("/api/v3/support/programmes/").json()["count"] == count
    with django_assert_max_num_queries(12):
        assert len(staff_client.get("/api/v3/support/progress/").json()) == count
