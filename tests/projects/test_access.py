"""Who sees a project that is not published: its people (team, tutor, consultants, staff, the parents of its
students) see it, its journal and its files in every channel; nobody else gets anything, in any channel.

The project and its people are built once for the module (tests/sharing.py); each case signs one person in
and asks through one channel."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from projects import services
from tests.projects.builders import cast, resident, suspend, upload
from tests.sharing import shared_rows

SECRET = "Секрет журнала: датчик влажности"


def build() -> dict:
    people = cast()
    project = people.project
    artefact = services.artefact_add(project=project, by=people.student, kind="document", title="План", upload=upload())
    post = services.post_create(project=project, by=people.student, text=SECRET, upload=upload("notes.txt", b"notes"))
    suspended = resident(first="Нина", last="Белова")
    services.member_add(project=project, by=people.tutor, user_id=suspended.pk)
    suspend(suspended)
    registered = get_user_model().objects.create_user("registered-only", "r@example.org", "x")
    return {
        "project": project.pk,
        "artefact": artefact.pk,
        "post": post.pk,
        "users": {
            "team student": people.student.pk,
            "teammate": people.teammate.pk,
            "tutor": people.tutor.pk,
            "consultant of the partner": people.consultant.pk,
            "parent of a team student": people.parent.pk,
            "staff": people.staff.pk,
            "student of another project": people.other_student.pk,
            "parent of another student": people.other_parent.pk,
            "partner outside the project": people.outside_partner.pk,
            "suspended member": suspended.pk,
            "registered without membership": registered.pk,
            "anonymous": None,
        },
    }


INSIDE = {"team student", "teammate", "tutor", "consultant of the partner", "parent of a team student", "staff"}
PEOPLE = [
    *sorted(INSIDE),
    "student of another project",
    "parent of another student",
    "partner outside the project",
    "suspended member",
    "registered without membership",
    "anonymous",
]


def page_html(client, ids) -> bool:
    response = client.get(f"/projects/{ids['project']}/")
    return response.status_code == 200 and "Умная теплица" in response.content.decode()


def journal_html(client, ids) -> bool:
    response = client.get(f"/projects/{ids['project']}/")
    return response.status_code == 200 and SECRET in response.content.decode()


def board_html(client, ids) -> bool:
    response = client.get("/projects/")
    return response.status_code == 200 and "Умная теплица" in response.content.decode()


def artefact_file(client, ids) -> bool:
    response = client.get(f"/projects/{ids['project']}/artefacts/{ids['artefact']}/file/")
    return response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 plan"


def post_file(client, ids) -> bool:
    response = client.get(f"/projects/{ids['project']}/journal/{ids['post']}/file/")
    return response.status_code == 200 and b"".join(response.streaming_content) == b"notes"


def api_detail(client, ids) -> bool:
    response = client.get(f"/api/v3/projects/{ids['project']}/")
    return response.status_code == 200 and response.json()["journal"][0]["text"] == SECRET


def api_list(client, ids) -> bool:
    items = client.get("/api/v3/projects/", {"limit": 100}).json()["items"]
    return ids["project"] in [item["id"] for item in items]


def api_journal_file(client, ids) -> bool:
    """The file address the API gives the project's people is refused to anyone else."""
    response = client.get(f"/api/v3/projects/{ids['project']}/")
    return response.status_code == 200 and response.json()["journal"][0]["file_url"] is not None


def showcase_html(client, ids) -> bool:
    return "Умная теплица" in client.get("/projects/showcase/").content.decode()


def media_address(client, ids) -> bool:
    """The file is not under MEDIA_URL at any address."""
    from projects.models import Artefact

    name = Artefact.objects.get(pk=ids["artefact"]).file.name
    return client.get(f"/media/{name}").status_code == 200


# Each channel and who sees the project through it. Staff open every project, but their own board lists
# only the projects they have a place in.
CHANNELS = {
    "project page HTML": (page_html, INSIDE),
    "journal in the page": (journal_html, INSIDE),
    "board «Мои проекты»": (board_html, INSIDE - {"staff"}),
    "artefact download": (artefact_file, INSIDE),
    "journal file download": (post_file, INSIDE),
    "API v3 project detail with journal": (api_detail, INSIDE),
    "API v3 projects list": (api_list, INSIDE),
    "API v3 journal file address": (api_journal_file, INSIDE),
}
NEVER = {"showcase (not published)": showcase_html, "media address": media_address}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_rows(django_db_blocker, build) as ids:
        yield ids


def client_for(site, person) -> Client:
    client = Client()
    pk = site["users"][person]
    if pk is not None:
        client.force_login(get_user_model().objects.get(pk=pk))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("channel", sorted(CHANNELS))
def test_only_the_projects_people_see_it(site, person, channel):
    sees, inside = CHANNELS[channel]
    assert sees(client_for(site, person), site) is (person in inside)


@pytest.mark.django_db
@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("channel", sorted(NEVER))
def test_an_unpublished_project_never_leaves_through_public_channels(site, person, channel):
    assert NEVER[channel](client_for(site, person), site) is False
