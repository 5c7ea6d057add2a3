"""The demo's projects workspace: twelve projects of the lyceum across every stage, built by load_demo."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from projects.models import Project, Stage


@pytest.fixture
def projects(demo_site):
    return list(Project.objects.select_related("stage", "solution").prefetch_related("members", "consultants"))


def test_the_demo_has_twelve_projects_in_every_stage(projects):
    assert len(projects) >= 12
    assert {project.stage.slug for project in projects} == set(Stage.objects.values_list("slug", flat=True))
    assert any(project.kind == "collective" for project in projects)
    assert any(project.kind == "individual" for project in projects)


def test_some_have_a_partners_consultant_journals_and_artefacts(projects):
    consulted = [p for p in projects if any(c.membership.tier == "external" for c in p.consultants.all())]
    assert consulted and all(p.partner_id for p in consulted)
    assert sum(1 for p in projects if p.posts.exists()) >= 5
    assert sum(1 for p in projects if p.artefacts.exists()) >= 3


def test_two_are_published_in_the_bank(projects):
    published = [project for project in projects if project.stage.is_published]
    assert len(published) == 2
    assert all(project.solution and project.solution.live for project in published)


def test_the_demo_student_finds_their_projects_on_the_board(demo_site):
    client = Client()
    client.force_login(get_user_model().objects.get(username="demo-student"))
    page = client.get("/projects/").content.decode()
    assert "Цифровой дневник проекта" in page and "Профессии будущего в экономике" in page
    assert "projects-card--overdue" in page


def test_the_showcase_shows_the_published_projects_to_everyone(demo_site):
    page = Client().get("/projects/showcase/").content.decode()
    assert "Умная теплица на Arduino" in page and "Мобильная метеостанция" in page
    assert "Анна К." in page and "Полина Р." not in page


def test_the_demos_stages_read_in_english(demo_site):
    english = {stage.slug: stage.name for stage in Stage.objects.filter(locale__language_code="en")}
    assert english == {
        "idea": "idea",
        "planning": "planning",
        "research": "research",
        "product": "making the product",
        "defence": "defence",
        "published": "published",
    }
