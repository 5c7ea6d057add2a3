"""Project pages and the API answer in a number of SQL queries that does not grow with the number of
projects, posts or members: each is measured at two sizes and must ask the database as often at both."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from bank.models import SubjectArea
from pages.demo.english import english_strings
from pages.demo.snippet_translation import ensure_english_snippet
from pages.localized import sources
from people.models import Person
from projects import services
from projects.models import Stage
from tests.meetings.conftest import make_room, make_rooms_page
from tests.projects.builders import publish_name, resident, today, upload

pytestmark = pytest.mark.django_db


def build(size: int):
    """`size` projects of one tutor, each with `size` students, consultants (each hosting a meeting room, as
    the tutor does), subjects, posts, checkpoints, artefacts and waiting requests to join."""
    tutor = resident("teacher", first="Анна", last="Крылова")
    students = [resident(first=f"Ученик{n}", last="Иванов") for n in range(size)]
    for student in students:
        publish_name(student, f"Ученик {student.pk}")
    consultants = [resident("teacher", first=f"Консультант{n}", last="Смирнов") for n in range(size)]
    for host in [tutor, *consultants]:
        make_room(host=Person.objects.create(name=host.get_full_name(), role="tutor", user=host), name=host.first_name)
    subjects = [SubjectArea.objects.create(name=f"Предмет {size}.{n}", slug=f"subject-{size}-{n}") for n in range(size)]
    projects = []
    for number in range(size):
        project = services.project_create(
            by=students[0],
            title=f"Проект {number}",
            summary="С",
            tutor_id=tutor.pk,
            subject_ids=[subject.pk for subject in subjects],
            consultant_ids=[consultant.pk for consultant in consultants],
        )
        for student in students[1:]:
            services.member_add(project=project, by=tutor, user_id=student.pk)
        for n in range(size):
            services.post_create(project=project, by=students[n], text=f"Запись {n}")
            services.checkpoint_add(
                project=project,
                by=tutor,
                title=f"Точка {n}",
                due=today() - datetime.timedelta(days=n),
                responsible_id=students[n].pk,
            )
            services.artefact_add(project=project, by=students[n], kind="document", title=f"Файл {n}", upload=upload())
        services.stage_approve(project=project, by=tutor)
        project.open_to_join = True
        project.save()
        for n in range(size):
            asking = resident(first=f"Желающий{number}{n}", last="Сидоров")
            services.join_request_create(project=project, by=asking, role="дизайнер")
        projects.append(project)
    return tutor, students[0], projects


def queries(client: Client, url: str, params=None) -> int:
    client.get(url, params or {})  # caches of the first request (the site, content types) are not the page's
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200, url
    return len(captured)


def counts(size: int) -> dict[str, int]:
    tutor, student, projects = build(size)
    published = projects[-1]
    published.stage = sources(Stage.objects).get(is_published=True)
    published.save()
    as_tutor, as_student, anonymous = Client(), Client(), Client()
    as_tutor.force_login(tutor)
    as_student.force_login(student)
    first = projects[0].pk
    return {
        "board": queries(as_student, "/projects/"),
        "tutor board": queries(as_tutor, "/projects/tutor/"),
        "project page": queries(as_tutor, f"/projects/{first}/"),
        "showcase": queries(anonymous, "/projects/showcase/"),
        "published page": queries(anonymous, f"/projects/{published.pk}/"),
        "API list": queries(as_student, "/api/v3/projects/"),
        "API detail": queries(as_tutor, f"/api/v3/projects/{first}/"),
        "API detail, published": queries(anonymous, f"/api/v3/projects/{published.pk}/"),
    }


# What each answer asks, measured; of it 9 are every page's own (session, user, membership, site, school
# settings, the user bar's two permission reads, the locale, the site's menu). The budget is 15 for a
# page and 8 for an API list. The project page reads its subjects, consultants, the rooms they and the tutor
# host and the waiting requests to join in the project's own query; the stages, the defence formats and the
# rooms page come from the shared cache; the student list of the team's form is read on that form's own page.
COUNTS = {
    "board": 12,
    "tutor board": 11,
    "project page": 15,
    "showcase": 7,
    "published page": 6,
    "API list": 5,
    "API detail": 9,
    "API detail, published": 2,
}


def test_queries_do_not_grow_with_projects_posts_and_members(empty_home):
    make_rooms_page(empty_home)
    small = counts(2)
    large = counts(5)
    assert small == large
    assert small == COUNTS
    assert all(count <= 15 for count in small.values())
    assert small["API list"] <= 8


@pytest.fixture
def russian_afterwards():
    """The language of a test client's last request stays active (LocaleMiddleware does not reset it): the
    tests after this one read in Russian again."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def test_the_stages_english_costs_no_query(empty_home, russian_afterwards):
    """The stages' English is read in the queries that read the stages (and in their cached list, one per
    language): an English page or API answer asks the database as often with the stages translated as without.
    An English page asks 1 query more than the Russian one (the English site's menu), the project page and the
    API's detail 1 more for the subjects' English: none of them is the stages'."""
    make_rooms_page(empty_home)
    tutor, student, projects = build(2)
    as_tutor, as_student = Client(), Client()
    as_tutor.force_login(tutor)
    as_student.force_login(student)
    first = projects[0].pk

    def counts_in(language: str) -> dict[str, int]:
        prefix, read = ("/en", english_queries) if language == "en" else ("", queries)
        return {
            "board": queries(as_student, f"{prefix}/projects/"),
            "tutor board": queries(as_tutor, f"{prefix}/projects/tutor/"),
            "project page": queries(as_tutor, f"{prefix}/projects/{first}/"),
            "open projects": queries(as_student, f"{prefix}/projects/open/"),
            "API list": read(as_student, "/api/v3/projects/"),
            "API detail": read(as_tutor, f"/api/v3/projects/{first}/"),
        }

    untranslated = counts_in("en")
    strings = english_strings("projects.demo")
    for stage in sources(Stage.objects.all()):
        assert ensure_english_snippet(stage, strings=strings)
    english, russian = counts_in("en"), counts_in("ru")
    assert english == untranslated
    more = {"board": 1, "tutor board": 1, "project page": 2, "open projects": 1, "API list": 0, "API detail": 1}
    assert {name: english[name] - russian[name] for name in english} == more
    assert ">planning <" in as_student.get("/en/projects/").content.decode()


def english_queries(client: Client, url: str) -> int:
    client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200 and response.headers["Content-Language"] == "en", url
    return len(captured)
