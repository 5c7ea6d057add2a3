"""API v3 bank search (in the OpenAPI schema), title suggestions, and API v2 search over solutions."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from residents.audiences import Audience
from tests.access.users import internal, make_user
from tests.bank.conftest import make_solution
from tests.factories import make_image


@pytest.fixture
def solutions(bank):
    first = make_solution(
        bank,
        title="Умная теплица",
        text="Датчики влажности и полив",
        subject="biology",
        grades=(8, 9),
        year=2023,
        tags=("arduino",),
    )
    first.cover = make_image("Обложка теплицы", width=640, height=360)
    first.save_revision().publish()
    make_solution(bank, title="Метеостанция", text="Датчики давления", subject="physics", grades=(7, 7), year=2022)
    return bank


@pytest.mark.django_db
def test_v3_search_returns_results_with_facets_and_highlighted_snippets(client, solutions):
    data = client.get("/api/v3/bank/search/", {"q": "датчиков", "subject": "biology"}).json()
    assert data["meta"]["total_count"] == 1
    hit = data["items"][0]
    assert hit["title"] == "Умная теплица" and hit["url"].endswith("/bank/") is False
    assert hit["subjects"] == ["Биология"] and hit["grades"] == [8, 9] and hit["year"] == "2023/2024"
    assert hit["type"] == "Коллективный проект" and hit["tags"] == ["arduino"]
    assert hit["cover"]["renditions"] and hit["cover"]["srcset"] and hit["cover"]["alt"]
    assert "<mark>Датчики</mark>" in hit["snippet"]
    assert {facet["value"]: facet["count"] for facet in data["facets"]["subject"]} == {"biology": 1}
    assert {"subject", "grade", "year", "type", "tag"} == set(data["facets"])


@pytest.mark.django_db
def test_v3_search_refuses_bad_parameters_with_a_clear_error(client, solutions):
    response = client.get("/api/v3/bank/search/", {"grade": 15})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "grade", "code": "less_than_equal", "message": "Не больше 11."}]


@pytest.mark.django_db
def test_v3_search_is_in_the_openapi_schema(client):
    schema = client.get("/api/v3/openapi.json").json()
    assert "/api/v3/bank/search/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v3/bank/search/"]["get"]["parameters"]}
    assert {"q", "subject", "grade", "year", "type", "tag", "sort", "limit", "offset"} <= parameters


@pytest.mark.django_db
def test_v3_search_costs_the_same_queries_at_two_content_sizes(client, bank):
    def count() -> int:
        client.get("/api/v3/bank/search/", {"q": "датчики"})
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v3/bank/search/", {"q": "датчики"})
        return len(queries)

    make_solution(bank, title="Датчики 0", text="датчики", tags=("a",))
    small = count()
    for number in range(1, 12):
        make_solution(bank, title=f"Датчики {number}", text="датчики", tags=(f"t{number}",))
    assert count() == small


@pytest.mark.django_db
def test_suggestions_complete_titles_from_their_first_letters(client, solutions):
    titles = [item["title"] for item in client.get("/api/v3/bank/suggest/", {"q": "тепл"}).json()["items"]]
    assert titles == ["Умная теплица"]
    assert client.get("/api/v3/bank/suggest/", {"q": "т"}).json() == {"meta": {"total_count": 0}, "items": []}


@pytest.mark.django_db
def test_v2_solutions_are_readable_and_searchable_in_russian(client, solutions):
    items = client.get("/api/v2/solutions/", {"search": "теплицами"}).json()["items"]
    assert [item["title"] for item in items] == ["Умная теплица"]
    detail = client.get(f"/api/v2/solutions/{items[0]['id']}/").json()
    assert detail["summary"].startswith("Умная теплица") and detail["subject_names"] == ["Биология"]
    assert detail["licence"] == "cc-by-4.0"


@pytest.mark.django_db
def test_rss_and_atom_feeds_list_new_solutions(client, solutions):
    rss = client.get("/bank/feed/rss/")
    atom = client.get("/bank/feed/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml") and "Умная теплица" in rss.text
    assert atom["Content-Type"].startswith("application/atom+xml") and "Метеостанция" in atom.text


@pytest.mark.django_db
def test_v3_search_pages_its_results_by_limit_and_offset_with_the_whole_count(client, bank):
    for number in range(3):
        make_solution(
            bank, title=f"Датчики {number}", text="датчики", published_date=datetime.date(2024, 5, number + 1)
        )
    first = client.get("/api/v3/bank/search/", {"q": "датчики", "sort": "date", "limit": 2}).json()
    rest = client.get("/api/v3/bank/search/", {"q": "датчики", "sort": "date", "limit": 2, "offset": 2}).json()
    past = client.get("/api/v3/bank/search/", {"q": "датчики", "limit": 2, "offset": 10}).json()
    assert [hit["title"] for hit in first["items"] + rest["items"]] == ["Датчики 2", "Датчики 1", "Датчики 0"]
    assert first["meta"] == rest["meta"] == past["meta"] == {"total_count": 3}
    assert past["items"] == []
    assert client.get("/api/v3/bank/search/", {"limit": 101}).status_code == 422


@pytest.mark.django_db
def test_v3_search_answers_a_signed_in_resident_by_session_with_their_tier(client, bank):
    make_solution(bank, title="Внутреннее решение", text="внутреннийтермин", audience=Audience.INTERNAL)
    assert client.get("/api/v3/bank/search/", {"q": "внутреннийтермин"}).json()["meta"]["total_count"] == 0
    client.force_login(internal("student"))
    assert client.get("/api/v3/bank/search/", {"q": "внутреннийтермин"}).json()["meta"]["total_count"] == 1


# Residents' contributions through API v3: proposing a solution and «мы использовали это решение».

PROPOSAL = {
    "title": "Школьный огород на крыше",
    "summary": "Гидропоника для начальной школы.",
    "problem": "Нет места для опытов с растениями.",
    "goal": "Вырастить зелень для столовой.",
    "result": "Три стеллажа и методичка.",
    "grade_from": 3,
    "grade_to": 5,
    "project_type": "collective",
    "subjects": ["biology"],
}


def _post_json(client, url: str, body: dict):
    return client.post(url, body, content_type="application/json")


@pytest.mark.django_db
def test_a_teacher_proposes_a_solution_through_the_api_and_it_waits_in_moderation(client, bank):
    from bank.models import Contribution, SolutionPage

    client.force_login(internal("api-teacher", "teacher"))
    answer = _post_json(client, "/api/v3/bank/contributions/", PROPOSAL)
    assert answer.status_code == 201, answer.content
    body = answer.json()
    assert body["status"] == "moderation" and "отправлено редакции" in body["message"]
    page = SolutionPage.objects.get(pk=body["id"])
    draft = page.latest_revision.as_object()  # what the editors review and publish
    assert not page.live and [s.slug for s in draft.subjects.all()] == ["biology"]
    assert page.current_workflow_state.status == "in_progress"
    assert Contribution.objects.get().page == page


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"title": ""}, "title", "Требуется заполнить это поле."),
        ({"grade_from": 12}, "grade_from", "11"),
        ({"project_type": "unknown"}, "project_type", "Нет такого значения: «unknown»."),
        ({"subjects": ["biology", "astrology"]}, "subjects", "Нет такого значения: «astrology»."),
        ({"grade_from": 7, "grade_to": 5}, "grade_to", "Класс «по» не может быть меньше класса «с»."),
    ],
)
def test_a_bad_proposal_is_refused_with_422_in_russian_and_nothing_is_written(client, bank, change, field, message):
    from bank.models import SolutionPage

    client.force_login(internal("api-teacher", "teacher"))
    answer = _post_json(client, "/api/v3/bank/contributions/", {**PROPOSAL, **change})
    assert answer.status_code == 422
    errors = {error["field"]: error["message"] for error in answer.json()["errors"]}
    assert message in errors[field]
    assert not SolutionPage.objects.filter(title="Школьный огород на крыше").exists()


@pytest.mark.django_db
def test_a_student_needs_a_tutor_and_others_may_not_propose(client, bank):
    client.force_login(internal("api-student"))
    answer = _post_json(client, "/api/v3/bank/contributions/", PROPOSAL)
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "tutor"
    assert "выберите наставника" in answer.json()["message"]
    client.force_login(internal("api-parent", "parent"))
    answer = _post_json(client, "/api/v3/bank/contributions/", PROPOSAL)
    assert answer.status_code == 403 and "педагоги и тьюторы" in answer.json()["message"]
    client.logout()
    assert _post_json(client, "/api/v3/bank/contributions/", PROPOSAL).status_code == 401


@pytest.mark.django_db
def test_reuse_is_reported_through_the_api_and_counted_once_published(client, bank):
    from bank.models import ReuseReport

    solution = make_solution(bank, title="Метеостанция")
    url = f"/api/v3/bank/solutions/{solution.pk}/reuse/"
    assert client.get(url).json() == {"count": 0, "stories": []}
    assert _post_json(client, url, {"story": "Собрали в 7А.", "where": "7А"}).status_code == 401
    client.force_login(internal("api-reader"))
    answer = _post_json(client, url, {"story": "Собрали такую же в 7А.", "where": "Лицей № 373, 7А"})
    assert answer.status_code == 201 and "после проверки редакцией" in answer.json()["message"]
    assert client.get(url).json()["count"] == 0  # waiting for the editors
    ReuseReport.objects.update(published=True)
    reuse = client.get(url).json()
    assert reuse["count"] == 1 and reuse["stories"][0]["story"] == "Собрали такую же в 7А."
    assert set(reuse["stories"][0]) == {"story", "where", "date"}  # no author


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({"story": "", "where": "7А"}, "story", "Расскажите коротко, как вы использовали решение."),
        ({"story": "   ", "where": "7А"}, "story", "Расскажите коротко"),
        ({"story": "Использовали", "where": ""}, "where", "Укажите школу или класс."),
        ({"story": "я" * 2001, "where": "7А"}, "story", "2000"),
    ],
)
def test_a_bad_reuse_report_is_refused_with_422_in_russian(client, bank, body, field, message):
    from bank.models import ReuseReport

    solution = make_solution(bank, title="Метеостанция")
    client.force_login(internal("api-reader"))
    answer = _post_json(client, f"/api/v3/bank/solutions/{solution.pk}/reuse/", body)
    assert answer.status_code == 422
    assert any(error["field"] == field and message in error["message"] for error in answer.json()["errors"])
    assert not ReuseReport.objects.exists()


@pytest.mark.django_db
def test_reuse_of_a_solution_the_caller_may_not_see_is_not_found(client, bank):
    hidden = make_solution(bank, title="Для своих", audience=Audience.INTERNAL)
    client.force_login(internal("api-reader"))
    url = f"/api/v3/bank/solutions/{hidden.pk}/reuse/"
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(make_user("outsider"))
    assert _post_json(client, url, {"story": "Использовали", "where": "7А"}).status_code == 404


@pytest.mark.django_db
def test_the_contribution_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "post" in paths["/api/v3/bank/contributions/"]
    assert {"get", "post"} <= set(paths["/api/v3/bank/solutions/{solution_id}/reuse/"])
