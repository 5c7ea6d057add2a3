"""The stages of the project cycle in the reader's language (issue 15): English under /en/ and in the API asked
in English, Russian under /; projects, moves and every list keep the Russian stages, each listed once."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from pages.demo.english import english_strings
from pages.demo.snippet_translation import ensure_english_snippet
from pages.localized import sources
from projects import services
from projects.models import Project, Stage
from tests.projects.builders import cast, stage

pytestmark = pytest.mark.django_db

RUSSIAN = ["идея", "планирование", "исследование", "создание продукта", "защита", "опубликован"]
ENGLISH = ["idea", "planning", "research", "making the product", "defence", "published"]
API = "/api/v3/projects"


@pytest.fixture
def english_stages():
    strings = english_strings("projects.demo")
    for source in sources(Stage.objects.all()):
        assert ensure_english_snippet(source, strings=strings)
    assert Stage.objects.filter(locale__language_code="en").count() == len(RUSSIAN)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(client: Client, url: str, **data) -> str:
    response = client.get(url, data)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_project_page_and_the_boards_name_the_stages_in_the_readers_language(english_stages):
    people = cast()
    services.stage_approve(project=people.project, by=people.tutor)  # idea → planning
    tutor, student = signed_in(people.tutor), signed_in(people.student)
    address = f"/projects/{people.project.pk}/"

    english = page(tutor, f"/en{address}")
    assert '<dd id="project-stage">planning</dd>' in english
    assert "idea → planning" in english  # the history of moves
    for name in ENGLISH:
        assert f"<h3>{name}" in english  # each stage once, in English
    assert english.count("<h3>planning") == 1
    for name in RUSSIAN:
        assert f">{name}" not in english and f"«{name}»" not in english

    russian = page(tutor, address)
    assert '<dd id="project-stage">планирование</dd>' in russian and "идея → планирование" in russian
    assert all(f"<h3>{name}" in russian for name in RUSSIAN)
    assert not any(f"<h3>{name}" in russian for name in ENGLISH)

    board = page(student, "/en/projects/")
    assert board.count('class="projects-column"') == len(ENGLISH)
    assert all(f">{name} <" in board for name in ENGLISH) and not any(f">{name} <" in board for name in RUSSIAN)
    assert all(f">{name} <" in page(student, "/projects/") for name in RUSSIAN)

    tutor_board = page(tutor, "/en/projects/tutor/", stage="planning")  # the filter keeps the stages' codes
    assert all(f'<option value="{slug}"' in tutor_board for slug in ("idea", "planning", "published"))
    assert ">making the product</option>" in tutor_board and "Умная теплица" in tutor_board
    assert "Умная теплица" not in page(tutor, "/en/projects/tutor/", stage="research")


def test_the_api_asked_in_english_names_the_stages_in_english(english_stages):
    people = cast()
    services.stage_approve(project=people.project, by=people.tutor)
    client = signed_in(people.tutor)

    detail = client.get(f"{API}/{people.project.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert detail["stage"] == {"slug": "planning", "name": "planning", "position": 2}
    assert [row["stage"]["name"] for row in detail["stages"]] == ENGLISH
    assert [(move["from_stage"], move["to_stage"]) for move in detail["moves"]] == [("idea", "planning")]
    listed = client.get(f"{API}/", {"stage": "planning"}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [item["stage"]["name"] for item in listed] == ["planning"]

    russian = client.get(f"{API}/{people.project.pk}/").json()
    assert russian["stage"] == {"slug": "planning", "name": "планирование", "position": 2}
    assert [row["stage"]["name"] for row in russian["stages"]] == RUSSIAN
    assert client.get(f"{API}/", {"stage": "planning"}).json()["items"][0]["stage"]["name"] == "планирование"


def test_moves_keep_the_russian_stages_and_the_e_mail_names_them_in_the_actors_language(english_stages):
    people = cast()
    services.stage_move_request(project=people.project, by=people.student)
    with translation.override("en"):
        move = services.stage_approve(project=people.project, by=people.tutor)
    assert move.to_stage.locale.language_code == "ru" and move.from_stage.locale.language_code == "ru"
    people.project.refresh_from_db()
    assert people.project.stage == sources(Stage.objects).get(slug="planning")
    approved = [message for message in mail.outbox if "The tutor approved" in message.body]
    assert approved and all("the stage “planning”" in message.body for message in approved)

    mail.outbox.clear()
    services.stage_approve(project=people.project, by=people.tutor)  # the Russian site: Russian names
    approved = [message for message in mail.outbox if "Тьютор одобрил" in message.body]
    assert approved and all("на стадию «исследование»" in message.body for message in approved)


def test_an_editor_translates_a_stage_and_a_project_is_set_only_to_russian_stages(admin_client):
    english = Locale.objects.get_or_create(language_code="en")[0]
    planning = stage("planning")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["projects", "stage", planning.pk])
    assert url in admin_client.get(reverse("wagtailsnippets_projects_stage:list")).text  # «Перевести»
    assert admin_client.post(url, {"locales": [english.pk]}).status_code == 302
    translated = planning.get_translation(english)
    assert (translated.slug, translated.position, translated.is_published) == ("planning", 2, False)  # synchronised

    listing = admin_client.get(reverse("wagtailsnippets_projects_project:list")).text  # the stage filter
    choices = re.findall(r'<option value="(\d+)"', re.search(r'<select name="stage".*?</select>', listing, re.S)[0])
    assert str(planning.pk) in choices and str(translated.pk) not in choices
    assert len(choices) == sources(Stage.objects).count()
    project = cast().project
    form = Project.get_edit_handler().get_form_class()(instance=project)  # the project's edit form in the admin
    assert planning in form.fields["stage"].queryset and translated not in form.fields["stage"].queryset
