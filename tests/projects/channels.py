"""Channels through which a published project leaves the server, for the access matrix
(tests/access/test_matrix.py). Published, a project is open as far as its audience says; before that only
its own people see it, which tests/projects/test_access.py checks person by person."""

import itertools

from django.test import Client

from projects import services
from projects.models import Project, Stage
from residents.roles import Role
from tests.access.channels import Channel
from tests.projects.builders import resident

_numbers = itertools.count(1)


def make_published_project(home, audience: str) -> Project:
    student, tutor = resident(first="Вера", last="Зайцева"), resident(Role.TEACHER)
    project = services.project_create(
        by=student, title=f"Опубликованный проект {next(_numbers)}", summary="Итог работы.", tutor_id=tutor.pk
    )
    project.stage = Stage.objects.get(is_published=True)
    project.audience = audience
    project.save()
    return project


def showcase_html_sees(client: Client, project: Project) -> bool:
    response = client.get("/projects/showcase/")
    return response.status_code == 200 and project.title in response.content.decode()


def page_html_sees(client: Client, project: Project) -> bool:
    response = client.get(f"/projects/{project.pk}/")
    return response.status_code == 200 and project.title in response.content.decode()


def v3_list_sees(client: Client, project: Project) -> bool:
    response = client.get("/api/v3/projects/", {"limit": 100})
    return response.status_code == 200 and project.pk in [item["id"] for item in response.json()["items"]]


def v3_detail_sees(client: Client, project: Project) -> bool:
    return client.get(f"/api/v3/projects/{project.pk}/").status_code == 200


# A project is a snippet whose visibility is its own (team, tutor, parents; published ones by audience): Wagtail's
# page privacy has no hold on it, and its drafts are the team's working state, tested in tests/projects.
CHANNELS = [
    Channel("projects showcase HTML", make_published_project, showcase_html_sees, item_kind="plain"),
    Channel("published project page HTML", make_published_project, page_html_sees, item_kind="plain"),
    Channel("API v3 projects list (published)", make_published_project, v3_list_sees, item_kind="plain"),
    Channel("API v3 project detail (published)", make_published_project, v3_detail_sees, item_kind="plain"),
]
