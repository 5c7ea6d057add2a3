"""Every endpoint of both APIs, and every page type's detail, answers as its stored contract says.

A contract is the answer for the demo with volatile parts masked (see `tests/api/contracts.py`). When an
answer changes on purpose, rewrite the files and read their diff before committing:

    UPDATE_CONTRACTS=1 bash scripts/test.sh tests/api/test_contracts.py -n 0
"""

import os
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Page, get_page_models

from bank.models import SolutionPage
from events.models import Event, EventFormat
from exhibitions.models import ExhibitionPage
from meetings.models import MeetingRoom
from projects.models import Project
from residents.audiences import Audience
from support.models import MaterialPage, ProgrammePage
from surveys.models import SurveyPage
from tests.access.users import internal
from tests.api.contracts import dump, mask, path_of
from tests.projects import contracts as projects
from tests.reviews import contracts as reviews

pytestmark = pytest.mark.django_db
UPDATE = os.environ.get("UPDATE_CONTRACTS") == "1"


@dataclass(frozen=True)
class Contract:
    name: str
    url: Callable[[], str]
    # anonymous, student (an internal resident's session), editor (a staff token) or expert (an expert's token,
    # with the reviews of tests/reviews/contracts.py)
    caller: str = "anonymous"
    method: str = "get"
    body: dict | Callable[[], dict] | None = None
    status: int = 200
    volatile: frozenset = field(default_factory=frozenset)
    multipart: bool = False  # a form with files (the body's values may be files) rather than JSON


BANK_PROPOSAL = {
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


def first(queryset) -> int:
    item = queryset.order_by("pk").first()
    assert item is not None, f"the demo has no {queryset.model.__name__}"
    return item.pk


def first_page(model) -> int:
    return first(model.objects.live().filter(locale__language_code="ru"))


def first_visible_page(model) -> Page:
    pages = model.objects.live().filter(locale__language_code="ru").order_by("path")
    return (
        pages.exclude(**({"audience": Audience.STAFF} if hasattr(model, "audience") else {})).first() or pages.first()
    )


def page_contracts() -> list[Contract]:
    contracts = []
    for model in get_page_models():
        if model is Page:
            continue
        label = model._meta.label

        def url(prefix, model=model):
            page = first_visible_page(model)
            assert page is not None, f"the demo has no {model._meta.label}"
            return f"{prefix}{page.pk}/"

        for version in ("v2", "v3"):
            contracts.append(
                Contract(
                    f"{version}-page-{label}", lambda version=version, url=url: url(f"/api/{version}/pages/"), "student"
                )
            )
    return contracts


CONTRACTS = [
    *page_contracts(),
    Contract("v2-pages-list", lambda: "/api/v2/pages/?limit=3"),
    Contract("v2-images-list", lambda: "/api/v2/images/?limit=2"),
    Contract("v2-image", lambda: f"/api/v2/images/{first(get_image_model().objects)}/"),
    Contract("v2-documents-list", lambda: "/api/v2/documents/?limit=2"),
    Contract("v2-document", lambda: f"/api/v2/documents/{first(get_document_model().objects)}/"),
    Contract("v2-solutions-search", lambda: "/api/v2/solutions/?search=теплицы&limit=2"),
    Contract("v2-error-404", lambda: "/api/v2/pages/999999999/", status=404),
    Contract("v2-error-422", lambda: "/api/v2/pages/?limit=1000", status=422),
    Contract("v3-pages-list", lambda: "/api/v3/pages/?limit=3"),
    Contract("v3-images-list", lambda: "/api/v3/images/?limit=2"),
    Contract("v3-image", lambda: f"/api/v3/images/{first(get_image_model().objects)}/"),
    Contract("v3-documents-list", lambda: "/api/v3/documents/?limit=2"),
    Contract("v3-document", lambda: f"/api/v3/documents/{first(get_document_model().objects)}/"),
    Contract("v3-page-revisions", lambda: f"/api/v3/pages/{first_page(ProgrammePage)}/revisions/?limit=1", "editor"),
    Contract("v3-events-list", lambda: "/api/v3/events/?limit=2"),
    Contract(
        "v3-event", lambda: f"/api/v3/events/{first(Event.objects.filter(live=True, audience=Audience.EVERYONE))}/"
    ),
    Contract("v3-event-formats-list", lambda: "/api/v3/event-formats/?limit=2"),
    Contract("v3-event-format", lambda: f"/api/v3/event-formats/{EventFormat.objects.order_by('pk').first().slug}/"),
    Contract(
        "v3-event-generator",
        lambda: "/api/v3/event-generator/",
        method="post",
        body={
            "format": "hackathon",
            "topic": "Умная теплица",
            "start": "2030-03-15T10:00:00+03:00",
            "duration": 240,
            "participants": 24,
        },
    ),
    Contract("v3-bank-search", lambda: "/api/v3/bank/search/?q=теплицы&limit=2"),
    Contract("v3-bank-suggest", lambda: "/api/v3/bank/suggest/?q=те"),
    Contract(
        "v3-bank-contribute",
        lambda: "/api/v3/bank/contributions/",
        "demo-teacher",
        method="post",
        body=BANK_PROPOSAL,
        status=201,
        volatile=frozenset({"id"}),
    ),
    Contract(
        "v3-bank-contribute-422",
        lambda: "/api/v3/bank/contributions/",
        "demo-teacher",
        method="post",
        body={**BANK_PROPOSAL, "title": "", "grade_from": 12},
        status=422,
    ),
    Contract("v3-bank-reuse", lambda: f"/api/v3/bank/solutions/{first_page(SolutionPage)}/reuse/"),
    Contract(
        "v3-bank-reuse-report",
        lambda: f"/api/v3/bank/solutions/{first_page(SolutionPage)}/reuse/",
        "student",
        method="post",
        body={"story": "Собрали такую же теплицу в 7А.", "where": "7А"},
        status=201,
    ),
    Contract(
        "v3-bank-reuse-report-422",
        lambda: f"/api/v3/bank/solutions/{first_page(SolutionPage)}/reuse/",
        "student",
        method="post",
        body={"story": " ", "where": ""},
        status=422,
    ),
    Contract("v3-exhibitions-list", lambda: "/api/v3/exhibitions/?limit=2"),
    Contract("v3-exhibition", lambda: f"/api/v3/exhibitions/{first_visible_page(ExhibitionPage).pk}/"),
    Contract("v3-meeting-rooms-list", lambda: "/api/v3/meetings/rooms/?limit=2", "student"),
    Contract("v3-meeting-room", lambda: f"/api/v3/meetings/rooms/{first(MeetingRoom.objects)}/", "student"),
    Contract(
        "v3-meeting-room-slots",
        lambda: f"/api/v3/meetings/rooms/{first(MeetingRoom.objects)}/slots/?limit=2",
        "student",
        volatile=frozenset({"total_count"}),
    ),
    Contract("v3-meeting-bookings", lambda: "/api/v3/meetings/bookings/", "student"),
    Contract("v3-support-programmes-list", lambda: "/api/v3/support/programmes/?limit=2", "student"),
    Contract("v3-support-programme", lambda: f"/api/v3/support/programmes/{first_page(ProgrammePage)}/", "student"),
    Contract("v3-support-materials-list", lambda: "/api/v3/support/materials/?limit=2", "student"),
    Contract("v3-support-material", lambda: f"/api/v3/support/materials/{first_page(MaterialPage)}/", "student"),
    Contract("v3-support-progress", lambda: "/api/v3/support/progress/", "student"),
    Contract("v3-support-completions", lambda: "/api/v3/support/progress/completions/", "student"),
    Contract("v3-reviews-assignments", lambda: "/api/v3/reviews/assignments/", "expert"),
    Contract(
        "v3-reviews-assignment", lambda: f"/api/v3/reviews/assignments/{reviews.reviewed_assignment().pk}/", "expert"
    ),
    Contract(
        "v3-reviews-submit",
        lambda: f"/api/v3/reviews/assignments/{reviews.waiting_assignment().pk}/review/",
        "expert",
        method="post",
        body=lambda: reviews.review_body(reviews.waiting_assignment(), 4),
        status=201,
    ),
    Contract(
        "v3-reviews-submit-error-422",
        lambda: f"/api/v3/reviews/assignments/{reviews.waiting_assignment().pk}/review/",
        "expert",
        method="post",
        body=lambda: reviews.review_body(reviews.waiting_assignment(), 9),
        status=422,
    ),
    Contract("v3-reviews-results", lambda: "/api/v3/reviews/results/", "expert"),
    Contract("v3-surveys-list", lambda: "/api/v3/surveys/?limit=2"),
    Contract("v3-survey", lambda: f"/api/v3/surveys/{first_page(SurveyPage)}/"),
    Contract(
        "v3-survey-submission",
        lambda: f"/api/v3/surveys/{first_page(SurveyPage)}/submissions/",
        method="post",
        body={"answers": {"naskolko_udobno_polzovatsya_kovorkingom": 5, "kto_vy": "Педагог"}},
        status=201,
    ),
    Contract(
        "v3-survey-submission-422",
        lambda: f"/api/v3/surveys/{first_page(SurveyPage)}/submissions/",
        method="post",
        body={"answers": {"naskolko_udobno_polzovatsya_kovorkingom": 9, "chto_uluchshit": "я" * 4001}},
        status=422,
    ),
    Contract("v3-projects-list", lambda: "/api/v3/projects/?limit=2"),
    Contract("v3-project", lambda: f"/api/v3/projects/{first(Project.objects.filter(solution__isnull=False))}/"),
    Contract(
        "v3-project-of-its-team",
        lambda: (
            f"/api/v3/projects/{first(Project.objects.filter(title='Исследование качества воды в пришкольном пруду'))}/"
        ),
        "demo-project-sofia",
    ),
    Contract(
        "v3-project-post-with-file",
        lambda: f"{projects.base()}journal/with-file/",
        projects.STUDENT_CALLER,
        method="post",
        body=projects.post_with_file,
        status=201,
        multipart=True,
    ),
    Contract(
        "v3-project-post-edit",
        lambda: f"{projects.fresh_post()}edit/",
        projects.STUDENT_CALLER,
        method="post",
        body={"text": "Взяли пробы у северного и южного берега."},
    ),
    Contract(
        "v3-project-post-edit-422",
        lambda: f"{projects.fresh_post()}edit/",
        projects.STUDENT_CALLER,
        method="post",
        body={"text": "   "},
        status=422,
    ),
    Contract(
        "v3-project-post-hide", lambda: f"{projects.fresh_post()}hide/", projects.TUTOR_CALLER, method="post", body={}
    ),
    Contract(
        "v3-project-join-decision",
        projects.join_request,
        projects.TUTOR_CALLER,
        method="post",
        body={"accept": False},
    ),
    Contract("v3-project-stage-decline", projects.move_requested, projects.TUTOR_CALLER, method="post", body={}),
    Contract(
        "v3-project-checkpoint-add",
        lambda: f"{projects.base()}checkpoints/",
        projects.STUDENT_CALLER,
        method="post",
        body=lambda: {"title": "Сдать пробы в лабораторию", "due": projects.due_in_a_week()},
        status=201,
    ),
    Contract(
        "v3-project-checkpoint-add-422",
        lambda: f"{projects.base()}checkpoints/",
        projects.STUDENT_CALLER,
        method="post",
        body={"title": "", "due": "завтра"},
        status=422,
    ),
    Contract(
        "v3-project-checkpoint-status",
        lambda: f"{projects.checkpoint()}status/",
        projects.STUDENT_CALLER,
        method="post",
        body={"status": "done"},
    ),
    Contract("v3-error-401", lambda: "/api/v3/meetings/bookings/", status=401),
    Contract("v3-error-404", lambda: "/api/v3/pages/999999999/", status=404),
    Contract("v3-error-422", lambda: "/api/v3/pages/?limit=1000", status=422),
]


def client_for(caller: str) -> Client:
    if caller == "student":
        client = Client()
        client.force_login(internal("contract-student"))
        return client
    if caller.startswith("demo-"):
        client = Client()
        client.force_login(get_user_model().objects.get(username=caller))
        return client
    if caller == "editor":
        editor = get_user_model().objects.create_superuser("contract-editor", "editor@example.org", "x")
        _token, key = APIToken.create_token(user=editor, name="contracts")
        return Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    if caller == "expert":
        return Client(HTTP_AUTHORIZATION=f"Bearer {reviews.expert_token()}")
    return Client()


@pytest.mark.parametrize("contract", CONTRACTS, ids=[contract.name for contract in CONTRACTS])
def test_the_answer_keeps_its_stored_contract(demo_site, contract):
    client = client_for(contract.caller)
    if contract.method == "post":
        body = contract.body() if callable(contract.body) else contract.body
        if contract.multipart:
            response = client.post(contract.url(), body)
        else:
            response = client.post(contract.url(), body, content_type="application/json")
    else:
        response = client.get(contract.url())
    assert response.status_code == contract.status, response.content[:500]
    answer = dump(mask(response.json(), volatile=contract.volatile))
    stored = path_of(contract.name)
    if UPDATE or not stored.exists():
        stored.parent.mkdir(exist_ok=True)
        stored.write_text(answer, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{stored.name} was missing and has been written: read it, then commit it")
    assert answer == stored.read_text(encoding="utf-8"), f"{contract.name}: the answer's contract changed"


def test_every_contract_file_belongs_to_an_endpoint():
    names = {contract.name for contract in CONTRACTS}
    stored = {path.stem for path in path_of("x").parent.glob("*.json")}
    assert stored <= names, f"stale contract files: {sorted(stored - names)}"
