"""What every project page shows but rarely changes (the stages, the meeting rooms page) comes from the shared
cache and is forgotten when it changes; the team's add form, with every student, is on its own page."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from wagtail.models import Locale

from pages.demo.english import english_strings
from pages.demo.snippet_translation import ensure_english_snippet
from people.models import Person
from projects.models import Stage
from tests.meetings.conftest import make_room, make_rooms_page
from tests.projects.builders import cast

pytestmark = pytest.mark.django_db


def page_of(user, project) -> str:
    client = Client()
    client.force_login(user)
    return client.get(f"/projects/{project.pk}/").content.decode()


def test_a_renamed_stage_shows_on_the_next_visit():
    people = cast()
    assert "исследование" in page_of(people.tutor, people.project)
    stage = Stage.objects.get(name="исследование")
    stage.name = "изыскания"
    stage.save()
    page = page_of(people.tutor, people.project)
    assert "изыскания" in page and "исследование" not in page


def test_a_renamed_translation_shows_on_the_next_english_visit():
    people = cast()
    strings = english_strings("projects.demo")
    research = Stage.objects.get(name="исследование")
    ensure_english_snippet(research, strings=strings)
    client = Client()
    client.force_login(people.tutor)
    assert "<h3>research" in client.get(f"/en/projects/{people.project.pk}/").text
    translated = research.get_translation(Locale.objects.get(language_code="en"))
    translated.name = "inquiry"
    translated.save()
    english = client.get(f"/en/projects/{people.project.pk}/").text
    assert "<h3>inquiry" in english and "<h3>research" not in english
    assert "<h3>исследование" in client.get(f"/projects/{people.project.pk}/").text
    translation.activate(settings.LANGUAGE_CODE)  # the test client leaves the language of its last request


def test_a_rooms_page_published_later_offers_the_tutors_room(empty_home):
    people = cast()
    host = Person.objects.create(name="Анна Крылова", role="tutor", user=people.tutor)
    make_room(host=host, name="Тьюторская")
    assert "Записаться на встречу" not in page_of(people.student, people.project)
    make_rooms_page(empty_home)
    assert "Записаться на встречу: Тьюторская" in page_of(people.student, people.project)


def test_the_team_form_is_on_its_own_page_for_the_team_and_the_tutor():
    people = cast()
    page = page_of(people.student, people.project)
    assert f"/projects/{people.project.pk}/team/add/" in page and 'name="member-user"' not in page
    client = Client()
    client.force_login(people.student)
    form = client.get(f"/projects/{people.project.pk}/team/add/").content.decode()
    assert 'name="member-user"' in form and "Олег И., 9Б" in form
    outsider = Client()
    outsider.force_login(people.other_student)
    assert outsider.get(f"/projects/{people.project.pk}/team/add/").status_code == 404
    assert Client().get(f"/projects/{people.project.pk}/team/add/").status_code == 302
