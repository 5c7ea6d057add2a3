"""Only live solutions the visitor may see appear anywhere; students appear only by consented display names."""

import pytest

from residents.audiences import Audience
from tests.bank.channels import CHANNELS
from tests.bank.conftest import make_solution


@pytest.fixture
def staff_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("methodist", password="x", is_staff=True))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_every_channel_shows_a_public_solution_to_anyone(channel, client, empty_home):
    solution = channel.make_item(empty_home, Audience.EVERYONE)
    assert channel.sees(client, solution)


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_no_channel_shows_a_staff_solution_to_an_anonymous_visitor(channel, client, empty_home):
    solution = channel.make_item(empty_home, Audience.STAFF)
    assert not channel.sees(client, solution)


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_every_channel_shows_a_staff_solution_to_staff(channel, staff_client, empty_home):
    solution = channel.make_item(empty_home, Audience.STAFF)
    assert channel.sees(staff_client, solution)


def _all_outputs(client, word: str) -> str:
    urls = [
        ("/bank/", {"q": word}),
        ("/bank/", {}),
        ("/api/v3/bank/search/", {"q": word}),
        ("/api/v3/bank/search/", {}),
        ("/api/v3/bank/suggest/", {"q": word[:6]}),
        ("/api/v2/solutions/", {"search": word}),
        ("/api/v2/solutions/", {"fields": "*"}),
        ("/bank/feed/rss/", {}),
        ("/bank/feed/atom/", {}),
    ]
    return "\n".join(client.get(url, params).text for url, params in urls)


@pytest.mark.django_db
def test_a_draft_solution_never_leaks_its_title_snippet_or_count(client, bank):
    make_solution(bank, title="Опубликованное решение", text="общийтермин", subject="biology")
    draft = make_solution(bank, title="Черновиксекретный", text="общийтермин", subject="chemistry", publish=False)
    output = _all_outputs(client, "черновиксекретный") + _all_outputs(client, "общийтермин")
    assert "Черновиксекретный" not in output
    assert "Химия" not in output  # the draft's subject has no facet count
    assert client.get(draft.url).status_code == 404
    data = client.get("/api/v3/bank/search/", {"q": "общийтермин"}).json()
    assert data["meta"]["total_count"] == 1
    assert sum(value["count"] for value in data["facets"]["subject"]) == 1


@pytest.mark.django_db
def test_a_password_restricted_solution_never_leaks(client, bank):
    make_solution(bank, title="Закрытоепаролем решение", text="закрытыйтермин", restricted=True)
    output = _all_outputs(client, "закрытоепаролем") + _all_outputs(client, "закрытыйтермин")
    assert "Закрытоепаролем" not in output
    assert client.get("/api/v3/bank/search/", {"q": "закрытыйтермин"}).json()["meta"]["total_count"] == 0


@pytest.mark.django_db
def test_a_solution_for_residents_leaks_nothing_to_anonymous_visitors(client, bank):
    make_solution(bank, title="Резидентское решение", text="резидентскийтермин", audience=Audience.INTERNAL)
    output = _all_outputs(client, "резидентскийтермин")
    assert "Резидентское" not in output
    facets = client.get("/api/v3/bank/search/", {}).json()["facets"]
    assert all(value["count"] == 0 for values in facets.values() for value in values) or not any(facets.values())


@pytest.mark.django_db
def test_students_appear_only_by_consented_display_names(client, bank):
    solution = make_solution(
        bank,
        title="Командное решение",
        text="командныйтермин",
        team=(("Анна К.", True), ("Борис Несогласный", False)),
    )
    outputs = [
        _all_outputs(client, "командныйтермин"),
        client.get(solution.url).text,
        client.get(f"/api/v2/solutions/{solution.pk}/").text,
    ]
    assert "Анна К." in outputs[1] and "Анна К." in outputs[2]
    for output in outputs:
        assert "Несогласный" not in output
    # the name without consent is not even in the search index
    assert client.get("/api/v3/bank/search/", {"q": "Несогласный"}).json()["meta"]["total_count"] == 0
    assert client.get("/api/v3/bank/search/", {"q": "Анна"}).json()["meta"]["total_count"] == 1
