"""The task's "done when": a visitor plans an event with the generator and downloads its programme; a
resident submits it and an editor publishes it through the workflow; it then appears in the calendar, the
feed and the landing."""

import pytest
from django.urls import reverse
from icalendar import Calendar

from events.models import Event
from tests.events.channels import make_event_item
from tests.events.conftest import moscow

CHOICES = {
    "event_format": "pecha-kucha",
    "topic": "Проекты 9 класса",
    "date": "2026-12-03",
    "time": "16:00",
    "duration": "60",
    "participants": "40",
}
TITLE = "Печа-Куча: Проекты 9 класса"


@pytest.mark.django_db
def test_generated_event_goes_from_proposal_through_moderation_to_calendar_feed_and_landing(
    client, admin_client, empty_home, event_index, generator_page, staff_user, workflow
):
    make_event_item(empty_home, "everyone")  # the landing gets its "upcoming events" block

    # A visitor plans the event and downloads the programme.
    assert TITLE in client.get(generator_page.url, CHOICES).text
    programme = Calendar.from_ical(client.get(f"{generator_page.url}ical/", CHOICES).content)
    assert [str(event["summary"]) for event in programme.walk("VEVENT")] == [TITLE]

    # A resident submits it: a draft in the moderation workflow, invisible to visitors.
    resident = client.__class__()
    resident.force_login(staff_user)
    resident.post(f"{generator_page.url}submit/", CHOICES)
    event = Event.objects.get(title=TITLE)
    assert not event.live
    assert TITLE not in client.get(event_index.url).text

    # An editor approves it in the admin; the workflow publishes it.
    task_state = event.current_workflow_state.current_task_state
    url = reverse("wagtailsnippets_events_event:workflow_action", args=(event.pk, "approve", task_state.pk))
    response = admin_client.post(url, {"comment": "Добавим в календарь"})
    assert response.status_code in (200, 302), response.content[:500]
    event.refresh_from_db()
    assert event.live and event.current_workflow_state is None
    assert event.start == moscow(2026, 12, 3, 16) and event.end == moscow(2026, 12, 3, 17)

    # It now appears to visitors in the calendar, the feed and the landing.
    assert TITLE in client.get(f"{event_index.url}calendar/2026/12/").text
    feed = Calendar.from_ical(client.get(f"{event_index.url}feed/").content)
    assert TITLE in [str(item["summary"]) for item in feed.walk("VEVENT")]
    assert TITLE in client.get("/").text
    assert TITLE in client.get(f"{event_index.url}{event.pk}/").text


@pytest.mark.django_db
def test_event_snippet_admin_offers_preview_locking_and_scheduling(admin_client, event_index):
    event = make_event_item(event_index.get_parent(), "everyone")
    html = admin_client.get(reverse("wagtailsnippets_events_event:edit", args=(event.pk,))).text
    assert "go_live_at" in html and "expire_at" in html
    assert reverse("wagtailsnippets_events_event:preview_on_edit", args=(event.pk,)) in html
    assert reverse("wagtailsnippets_events_event:lock", args=(event.pk,)) in html


@pytest.mark.django_db
def test_event_preview_renders_the_public_page_without_registration_forms(rf, event_index, staff_user):
    event = make_event_item(event_index.get_parent(), "everyone")
    event.summary = "Черновик описания"
    request = rf.get("/")
    request.user = staff_user
    response = event.make_preview_request(request)
    html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
    assert event.title in html and "Черновик описания" in html
    assert "Записаться" not in html


@pytest.mark.django_db
def test_admin_pages_of_the_online_platform_open(admin_client, event_index, formats):
    event = make_event_item(event_index.get_parent(), "everyone")
    urls = [
        reverse("wagtailsnippets_events_event:list"),
        reverse("wagtailsnippets_events_event:add"),
        reverse("wagtailsnippets_events_event:edit", args=(event.pk,)),
        reverse("wagtailsnippets_events_eventformat:list"),
        reverse("wagtailsnippets_events_eventformat:edit", args=(formats["ted"].pk,)),
        reverse("event_registrations:index"),
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url
    event.registration_required = True
    event.save()
    listing = admin_client.get(reverse("wagtailsnippets_events_event:list")).text
    assert event.title in listing
    assert f'href="{reverse("event_registrations:index")}?event={event.pk}"' in listing
