"""The project joined with the rest of the coworking space: proposed to the bank at the defence, published
by an editor (then linked, «опубликован» and found by the bank's search), the defence planned with the
event generator, a meeting with the tutor."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Page

from bank.demo.loader import ensure_bank, ensure_taxonomies
from bank.models import SolutionPage
from events.demo.loader import ensure_event_workflow, ensure_formats
from events.models import EventFormat
from meetings.models import MeetingRoom
from pages.demo.snippet_translation import ensure_english_snippet
from people.models import Person
from projects import integration, services
from projects.selectors import project_get, tutor_rooms
from projects.services import ProjectError
from tests.meetings.conftest import make_room, make_rooms_page
from tests.projects.builders import cast, publish_name, stage, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_defence(empty_home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ensure_taxonomies()
        ensure_bank(empty_home, report=lambda line: None)
    people = cast("Умная теплица для кабинета биологии")
    project = people.project
    project.problem, project.goal, project.result = "Рассада гибнет", "Автополив", "Прототип теплицы"
    project.stage = stage("defence")
    project.save()
    publish_name(people.student, "Мария К.")
    services.artefact_add(project=project, by=people.student, kind="document", title="Отчёт", upload=upload())
    checkpoint = services.checkpoint_add(
        project=project, by=people.tutor, title="Собрать макет", due=timezone.localdate()
    )
    services.checkpoint_set_status(checkpoint=checkpoint, by=people.tutor, status="done")
    Person.objects.create(name="Анна Крылова", role="teacher", user=people.tutor)
    return people


def test_only_the_tutor_proposes_and_only_at_the_defence(at_defence):
    with pytest.raises(ProjectError):
        integration.project_propose_to_bank(project=at_defence.project, by=at_defence.student)
    at_defence.project.stage = stage("product")
    with pytest.raises(ProjectError):
        integration.project_propose_to_bank(project=at_defence.project, by=at_defence.tutor)


def test_the_proposal_is_a_prefilled_draft_in_moderation(at_defence):
    integration.project_propose_to_bank(project=at_defence.project, by=at_defence.tutor)
    solution = SolutionPage.objects.get(title="Умная теплица для кабинета биологии")
    assert not solution.live
    assert (solution.problem, solution.goal, solution.result) == ("Рассада гибнет", "Автополив", "Прототип теплицы")
    assert [member.display_name for member in solution.team.all()] == ["Мария К."]
    assert solution.tutor.name == "Анна Крылова"
    assert solution.stages[0].value["text"] == "Собрать макет."
    assert len(solution.attachments) == 1
    assert solution.workflow_in_progress
    at_defence.project.refresh_from_db()
    assert at_defence.project.solution_id == solution.pk
    assert not integration.may_propose_to_bank(
        at_defence.project, integration.project_people(at_defence.project, at_defence.tutor)
    )


def test_the_editor_publishes_it_and_the_project_is_published_and_found(at_defence, django_capture_on_commit_callbacks):
    integration.project_propose_to_bank(project=at_defence.project, by=at_defence.tutor)
    solution = SolutionPage.objects.get(title="Умная теплица для кабинета биологии")
    with django_capture_on_commit_callbacks(execute=True):
        solution.get_latest_revision().publish()
    at_defence.project.refresh_from_db()
    assert at_defence.project.stage.slug == "published"
    assert at_defence.project.moves.last().to_stage.slug == "published"
    items = Client().get("/api/v3/bank/search/", {"q": "теплицей"}).json()["items"]
    assert "Умная теплица для кабинета биологии" in [item["title"] for item in items]
    page = Client().get(f"/projects/{at_defence.project.pk}/").content.decode()
    assert Page.objects.get(pk=solution.pk).url in page
    solution_page = Client().get(Page.objects.get(pk=solution.pk).url).content.decode()
    assert f'href="/projects/{at_defence.project.pk}/"' in solution_page


def test_the_tutor_plans_the_defence_as_a_draft_event(at_defence):
    ensure_formats(report=lambda line: None)
    ensure_event_workflow(report=lambda line: None)
    start = (timezone.localtime() + datetime.timedelta(days=10)).replace(microsecond=0, tzinfo=None)
    data = {
        "event_format": EventFormat.objects.get(slug="pecha-kucha").pk,
        "start": start.isoformat(),
        "duration": "60",
    }
    with pytest.raises(ProjectError):
        integration.defence_plan(project=at_defence.project, by=at_defence.student, data=data)
    with pytest.raises(ProjectError) as error:
        integration.defence_plan(project=at_defence.project, by=at_defence.tutor, data={**data, "duration": "5"})
    assert error.value.field == "duration"
    integration.defence_plan(project=at_defence.project, by=at_defence.tutor, data=data)
    event = at_defence.project.defence_event
    assert not event.live and "Умная теплица для кабинета биологии" in event.title
    assert event.proposed_by == at_defence.tutor


def test_the_project_page_offers_a_meeting_with_the_tutor(empty_home):
    people = cast()
    host = Person.objects.create(name="Анна Крылова", role="tutor", user=people.tutor)
    make_rooms_page(empty_home)
    make_room(host=host, name="Тьюторская")
    client = Client()
    client.force_login(people.student)
    page = client.get(f"/projects/{people.project.pk}/").content.decode()
    room = MeetingRoom.objects.get()
    assert f"rooms/{room.pk}/" in page and "Записаться на встречу: Тьюторская" in page


def test_the_tutors_room_is_named_in_the_readers_language(empty_home):
    """The room's English translation is not a second room: it lends the Russian room its name in English."""
    people = cast()
    host = Person.objects.create(name="Анна Крылова", role="tutor", user=people.tutor)
    make_rooms_page(empty_home)
    room = make_room(host=host, name="Тьюторская")
    ensure_english_snippet(room, strings={"Тьюторская": "Tutor's room"})

    def rooms_named(language: str) -> list[tuple[int, str]]:
        with translation.override(language):
            project = project_get(project_id=people.project.pk, user=people.student).project
            return [(row["room"].pk, row["room"].name) for row in tutor_rooms(project, people.student)]

    assert rooms_named("ru") == [(room.pk, "Тьюторская")]
    assert rooms_named("en") == [(room.pk, "Tutor's room")]
    client = Client()
    client.force_login(people.student)
    page = client.get(f"/projects/{people.project.pk}/").content.decode()
    assert page.count(f"rooms/{room.pk}/") == 1 and "Tutor&#x27;s room" not in page
