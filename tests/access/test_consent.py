"""Names of students follow their consent records (issue 14, item 8): a bank team member's name is shown only when
the editor ticked its publication and the linked student's consent to publish the name is in force; withdrawing
the consent hides the name in every channel at once, «Участник команды» standing in its place."""

import json

import pytest
from django.core.exceptions import ValidationError

from bank.demo.loader import ensure_bank, ensure_taxonomies
from bank.models import TeamMember
from exhibitions.models import Exhibit, ExhibitionPage
from residents.models import Consent, ConsentGiver, ConsentPurpose
from residents.services import record_consent, withdraw_consent
from tests.access.users import internal
from tests.bank.conftest import make_solution
from tests.exhibitions.builders import exhibit_url, exhibition_index, exhibits_of, make_exhibition
from tests.exhibitions.test_admin import add_url, exhibit_form, exhibition_form

NAME = "Анастасия Ц."
WORD = "согласныйтермин"

# Every channel that can carry a solution's team, as (what, how to ask): the name is looked for in the answer.
CHANNELS = [
    ("solution page HTML", lambda client, page: client.get(page.url)),
    ("API v2 solution detail", lambda client, page: client.get(f"/api/v2/solutions/{page.pk}/")),
    ("API v2 solutions listing", lambda client, page: client.get("/api/v2/solutions/", {"fields": "*"})),
    ("API v2 solutions search", lambda client, page: client.get("/api/v2/solutions/", {"search": WORD, "fields": "*"})),
    ("API v2 pages detail", lambda client, page: client.get(f"/api/v2/pages/{page.pk}/")),
    ("API v3 pages detail", lambda client, page: client.get(f"/api/v3/pages/{page.pk}/")),
    ("bank HTML search", lambda client, page: client.get(page.get_parent().url, {"q": WORD})),
    ("API v3 bank search", lambda client, page: client.get("/api/v3/bank/search/", {"q": WORD})),
    ("RSS feed", lambda client, page: client.get("/bank/feed/rss/")),
    ("Atom feed", lambda client, page: client.get("/bank/feed/atom/")),
]
# Channels whose answer shows the team itself (the others show the solution without it, found by its words).
TEAM_SHOWN = {"solution page HTML", "API v2 solution detail", "API v2 pages detail", "API v3 pages detail"}


def text_of(response) -> str:
    """The answer as a reader gets it (JSON with its escapes decoded)."""
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def found_by_name(client) -> dict:
    """Whether a search for the student's name finds the solution, per search channel."""
    return {
        "API v3 bank search": client.get("/api/v3/bank/search/", {"q": "Анастасия"}).json()["meta"]["total_count"],
        "API v2 solutions search": len(client.get("/api/v2/solutions/", {"search": "Анастасия"}).json()["items"]),
        "bank HTML search": "Командное решение" in client.get("/bank/", {"q": "Анастасия"}).text,
    }


@pytest.fixture
def bank(empty_home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ensure_taxonomies()
        return ensure_bank(empty_home, report=lambda line: None)


@pytest.fixture
def student():
    return internal("anastasia").membership


@pytest.fixture
def consent(student):
    return record_consent(
        student,
        given_by=ConsentGiver.PARENT,
        given_by_name="Родитель",
        purpose=ConsentPurpose.PUBLISH_NAME,
        text_version="1",
    )


@pytest.fixture
def solution(bank, student, consent, django_capture_on_commit_callbacks):
    page = make_solution(bank, title="Командное решение", text=WORD, publish=False)
    page.team.add(TeamMember(display_name=NAME, consent=True, resident=student))
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_withdrawn_consent_hides_the_name_in_every_channel_at_once(client, solution, consent, student):
    before = {what: text_of(ask(client, solution)) for what, ask in CHANNELS}
    for what in TEAM_SHOWN:
        assert NAME in before[what], f"{what} does not show a consented name"
    assert all(found_by_name(client).values()), found_by_name(client)

    withdraw_consent(consent)

    after = {what: ask(client, solution) for what, ask in CHANNELS}
    for what, response in after.items():
        assert response.status_code == 200, what
        assert NAME not in text_of(response), f"{what} still shows a name whose consent was withdrawn"
    for what in TEAM_SHOWN:
        assert "Участник команды" in text_of(after[what]), what
    assert not any(found_by_name(client).values()), found_by_name(client)
    # The solution itself stays published and found by its own words.
    assert client.get("/api/v3/bank/search/", {"q": WORD}).json()["meta"]["total_count"] == 1


@pytest.mark.django_db
def test_a_consent_given_again_shows_the_name_again(client, solution, consent, student):
    withdraw_consent(consent)
    record_consent(student, given_by=ConsentGiver.RESIDENT, purpose=ConsentPurpose.PUBLISH_NAME, text_version="2")
    assert NAME in client.get(solution.url).text
    assert client.get("/api/v3/bank/search/", {"q": "Анастасия"}).json()["meta"]["total_count"] == 1


@pytest.mark.django_db
def test_other_purposes_do_not_count_as_consent_to_publish_the_name(client, solution, consent, student):
    withdraw_consent(consent)
    Consent.objects.create(
        membership=student, given_by=ConsentGiver.PARENT, purpose=ConsentPurpose.PUBLISH_WORK, text_version="1"
    )
    assert NAME not in text_of(client.get(f"/api/v2/solutions/{solution.pk}/"))


@pytest.mark.django_db
def test_publication_cannot_be_ticked_for_a_student_without_consent(student):
    member = TeamMember(display_name=NAME, consent=True, resident=student)
    with pytest.raises(ValidationError) as error:
        member.clean()
    assert "нет действующего согласия" in " ".join(error.value.message_dict["consent"])
    TeamMember(display_name=NAME, consent=False, resident=student).clean()  # unticked: nothing to check
    TeamMember(display_name=NAME, consent=True).clean()  # no account linked: the editor's record stands


AUTHORS = "Анастасия Ц., 9 класс"


@pytest.fixture
def exhibition(empty_home, student, consent):
    page = make_exhibition(empty_home, title="Выставка с авторами", slug="authors", halls=1, exhibits=1)
    exhibit = exhibits_of(page)[0]
    exhibit.authors, exhibit.authors_consent = AUTHORS, True
    exhibit.author_residents.set([student])
    exhibit.save()
    page.exhibit = exhibit
    return page


EXHIBIT_CHANNELS = [
    ("exhibition page HTML", lambda client, page: client.get(page.url)),
    ("exhibit page HTML", lambda client, page: client.get(exhibit_url(page, page.exhibit))),
    ("API v3 exhibition detail", lambda client, page: client.get(f"/api/v3/exhibitions/{page.pk}/")),
    ("API v2 pages detail", lambda client, page: client.get(f"/api/v2/pages/{page.pk}/")),
    ("API v3 exhibitions list", lambda client, page: client.get("/api/v3/exhibitions/")),
    ("API v3 pages detail", lambda client, page: client.get(f"/api/v3/pages/{page.pk}/")),
]
# Channels that show the exhibits themselves (the lists and the page's own fields do not).
AUTHORS_SHOWN = {"exhibition page HTML", "exhibit page HTML", "API v3 exhibition detail", "API v2 pages detail"}


@pytest.mark.django_db
def test_a_withdrawn_consent_hides_an_exhibits_authors_in_every_channel(client, exhibition, consent):
    for what, ask in EXHIBIT_CHANNELS:
        if what in AUTHORS_SHOWN:
            assert AUTHORS in text_of(ask(client, exhibition)), f"{what} does not show consented authors"

    withdraw_consent(consent)

    for what, ask in EXHIBIT_CHANNELS:
        text = text_of(ask(client, exhibition))
        assert "Анастасия" not in text, f"{what} still shows authors whose consent was withdrawn"
        if what in AUTHORS_SHOWN:
            assert "Участники команды" in text, what


@pytest.mark.django_db
def test_the_admin_refuses_to_publish_authors_of_a_student_without_consent(admin_client, empty_home, student):
    index = exhibition_index(empty_home)
    data = exhibition_form(exhibit_form(authors=AUTHORS, authors_consent="on", model_url="https://example.org/3d/"))
    data["halls-0-exhibits-0-author_residents"] = [student.pk]  # a multiple choice, as the browser sends it
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 200
    assert "нет действующего согласия на публикацию имени" in response.content.decode()
    assert not ExhibitionPage.objects.exists()

    record_consent(student, given_by=ConsentGiver.PARENT, purpose=ConsentPurpose.PUBLISH_NAME, text_version="1")
    response = admin_client.post(add_url(index), data)
    assert response.status_code == 302
    exhibit = Exhibit.objects.get(hall__page__slug="novaya")
    assert list(exhibit.author_residents.all()) == [student]
    assert AUTHORS in admin_client.get(ExhibitionPage.objects.get(slug="novaya").url).content.decode()
