"""The personal calendar address: a calendar app, which carries no session, subscribes to exactly the events
its owner's tier opens, with the owner's registrations marked; the address is secret, replaceable and
revocable."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.models import CalendarAddress, Registration
from tests.access.users import days, external, internal, make_user, suspended
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(event_index):
    return {
        "open": make_event("Открытый вебинар", audience="everyone"),
        "residents": make_event("Встреча резидентов", audience="residents"),
        "internal": make_event("Совет лицея", audience="internal"),
        "staff": make_event("Планёрка методистов", audience="staff"),
        "draft": make_event("Черновик", audience="everyone", live=False),
    }


def issue_address(client, user) -> str:
    client.force_login(user)
    response = client.post(reverse("events:calendar_address"), {"action": "issue"})
    assert response.status_code == 200
    (url,) = re.findall(r'value="(http://testserver/calendar/[^"]+\.ics)"', response.content.decode())
    client.logout()
    return url


def summaries(response) -> dict[str, list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return {
        str(event["summary"]): [str(c) for c in event["categories"].cats]
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }


def session_feed_titles(client, event_index, user) -> set[str]:
    client.force_login(user)
    titles = set(summaries(client.get(f"{event_index.url}feed/")))
    client.logout()
    return titles


def test_a_partner_s_calendar_app_gets_what_their_browser_session_sees(client, events, event_index):
    partner = external("partner", contract_end=days(30))
    url = issue_address(client, partner)

    feed = summaries(client.get(url))  # no session: the app has only the address

    assert set(feed) == {"Открытый вебинар", "Встреча резидентов"}
    assert set(feed) == session_feed_titles(client, event_index, partner)
    assert set(feed) > set(summaries(client.get(f"{event_index.url}feed/")))  # more than anonymous visitors


def test_a_student_s_calendar_marks_the_events_they_signed_up_for(client, events):
    student = internal("student")
    Registration.objects.create(event=events["internal"], user=student)
    url = issue_address(client, student)

    feed = summaries(client.get(url))

    assert set(feed) == {"Открытый вебинар", "Встреча резидентов", "Совет лицея"}
    assert "Вы записаны" in feed["Совет лицея"]
    assert "Вы записаны" not in feed["Открытый вебинар"]
    (own,) = [e for e in Calendar.from_ical(client.get(url).content).walk("VEVENT") if e["summary"] == "Совет лицея"]
    assert own["status"] == "CONFIRMED"
    assert str(own["description"]).startswith("Вы записаны на это событие.")


def test_a_suspended_resident_s_address_gives_only_public_events(client, events):
    resident = suspended("suspended", starts=-1, ends=10)
    url = issue_address(client, resident)

    assert set(summaries(client.get(url))) == {"Открытый вебинар"}


def test_the_address_is_shown_once_and_only_its_hash_is_kept(client, events):
    student = internal("student")
    url = issue_address(client, student)
    key = url.rsplit("/", 1)[1].removesuffix(".ics")

    client.force_login(student)
    page = client.get(reverse("events:calendar_address")).content.decode()

    assert key not in page
    assert "Адрес создан" in page
    stored = CalendarAddress.objects.get(user=student)
    assert key not in stored.key_hash
    assert len(stored.key_hash) == 64


def test_a_new_address_replaces_the_old_one(client, events):
    student = internal("student")
    old = issue_address(client, student)
    new = issue_address(client, student)

    assert old != new
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200
    assert CalendarAddress.objects.filter(user=student).count() == 1


def test_a_revoked_address_stops_working(client, events):
    student = internal("student")
    url = issue_address(client, student)
    client.force_login(student)

    response = client.post(reverse("events:calendar_address"), {"action": "revoke"}, follow=True)

    assert "Адрес личного календаря отключён" in response.content.decode()
    assert client.get(url).status_code == 404
    assert not CalendarAddress.objects.filter(user=student).exists()


def test_an_unknown_key_or_a_deactivated_account_gets_404(client, events):
    user = make_user("leaver")
    url = issue_address(client, user)
    assert client.get(url.replace(url[-10:-4], "AAAAAA")).status_code == 404
    user.is_active = False
    user.save()

    assert client.get(url).status_code == 404


def test_the_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("events:calendar_address"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("residents:login"))


def test_my_coworking_links_to_the_personal_calendar(client):
    client.force_login(internal("student"))

    assert reverse("events:calendar_address") in client.get(reverse("residents:my_coworking")).content.decode()


def test_past_and_future_events_come_with_their_addresses(client, events, event_index):
    make_event("Прошедший хакатон", starts_in=timedelta(days=-10))
    url = issue_address(client, internal("teacher"))

    calendar = Calendar.from_ical(client.get(url).content)
    urls = {str(e["summary"]): str(e["url"]) for e in calendar.walk("VEVENT")}

    assert "Прошедший хакатон" in urls
    assert urls["Совет лицея"] == f"{event_index.full_url}{events['internal'].pk}/"
