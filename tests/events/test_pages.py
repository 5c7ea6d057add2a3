"""The events page: upcoming and past events, filters, the month calendar, a page and a file per event."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils import WagtailPageTestCase

from events.models import EVENT_TIME_ZONE, EventGeneratorPage, EventIndexPage, EventRelatedPage
from pages.models import HomePage, StandardPage
from tests.events.conftest import make_event, moscow
from tests.factories import make_document


class TestTreeRules(WagtailPageTestCase):
    def test_event_pages_sit_under_the_landing_and_have_no_children(self):
        for model in (EventIndexPage, EventGeneratorPage):
            self.assertAllowedParentPageTypes(model, {HomePage})
            self.assertAllowedSubpageTypes(model, {})


@pytest.mark.django_db
def test_index_lists_upcoming_and_past_events_apart(client, event_index):
    make_event("Будущий хакатон", starts_in=timedelta(days=5), kind="hackathon")
    make_event("Прошлая конференция", starts_in=timedelta(days=-40), kind="conference")
    html = client.get(event_index.url).text
    upcoming, past = html.split('id="upcoming-title"')[1].split('id="past-title"')
    assert "Будущий хакатон" in upcoming and "Прошлая конференция" not in upcoming
    assert "Прошлая конференция" in past


@pytest.mark.django_db
def test_index_filters_by_kind_format_audience_and_month(client, event_index, formats, staff_user):
    make_event("Хакатон в марте", start=moscow(2025, 3, 20, 10), kind="hackathon", event_format=formats["hackathon"])
    make_event("Вебинар в марте", start=moscow(2025, 3, 5, 18), kind="webinar", event_format=formats["webinar"])
    make_event("Сессия в апреле", start=moscow(2025, 4, 2, 15), kind="thematic_session", audience="staff")
    client.force_login(staff_user)

    def titles(**query):
        html = client.get(event_index.url, query).text
        return {t for t in ("Хакатон в марте", "Вебинар в марте", "Сессия в апреле") if t in html}

    assert titles() == {"Хакатон в марте", "Вебинар в марте", "Сессия в апреле"}
    assert titles(kind="hackathon") == {"Хакатон в марте"}
    assert titles(format="webinar") == {"Вебинар в марте"}
    assert titles(audience="staff") == {"Сессия в апреле"}
    assert titles(month="2025-03") == {"Хакатон в марте", "Вебинар в марте"}
    assert titles(month="2025-04", kind="hackathon") == set()


@pytest.mark.django_db
def test_bad_filter_gets_a_message_and_shows_everything(client, event_index):
    make_event("Хакатон")
    html = client.get(event_index.url, {"month": "март"}).text
    assert "Укажите месяц в виде ГГГГ-ММ" in html
    assert "Хакатон" in html


@pytest.mark.django_db
def test_index_costs_the_same_queries_with_many_events(client, event_index, django_assert_max_num_queries):
    for number in range(3):
        make_event(f"Событие {number}", starts_in=timedelta(days=number * 10 - 15))
    client.get(event_index.url)
    with django_assert_max_num_queries(20) as few:
        client.get(event_index.url)
    for number in range(40):
        make_event(f"Ещё событие {number}", starts_in=timedelta(days=number - 20))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(event_index.url)


@pytest.mark.django_db
def test_month_calendar_places_events_on_their_moscow_days_and_links_months(client, event_index):
    # 23:30 in Moscow is 20:30 UTC: the event belongs to the 31st of March in the calendar.
    make_event("Вечерняя сессия", start=moscow(2025, 3, 31, 23, 30), minutes=20)
    make_event("Апрельский хакатон", start=moscow(2025, 4, 1, 10))
    html = client.get(f"{event_index.url}calendar/2025/3/").text
    assert "Март 2025" in html or "март 2025" in html.lower()
    march_31 = html.split('datetime="2025-03-31"')[1].split("</td>")[0]
    assert "Вечерняя сессия" in march_31 and "23:30" in march_31
    april_1 = html.split('datetime="2025-04-01"')[1].split("</td>")[0]
    assert "Апрельский хакатон" in april_1
    assert f'href="{event_index.url}calendar/2025/2/"' in html
    assert f'href="{event_index.url}calendar/2025/4/"' in html
    assert "<table" in html and 'scope="col"' in html


@pytest.mark.django_db
def test_current_month_calendar_marks_today(client, event_index):
    html = client.get(f"{event_index.url}calendar/").text
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    assert 'aria-current="date"' in html and f'datetime="{today:%Y-%m-%d}"' in html


@pytest.mark.django_db
def test_impossible_month_answers_404(client, event_index):
    assert client.get(f"{event_index.url}calendar/2025/13/").status_code == 404


@pytest.mark.django_db
def test_every_event_has_its_own_page_with_seo_title(client, event_index):
    event = make_event("Конференция", seo_title="Конференция о коворкинге — 2025", search_description="Итоги")
    response = client.get(f"{event_index.url}{event.pk}/")
    assert response.status_code == 200
    assert "<title>Конференция о коворкинге — 2025 —" in response.text
    assert '<meta name="description" content="Итоги">' in response.text
    assert "<h1>Конференция</h1>" in response.text
    assert "calendar.google.com" in response.text and f"{event.pk}/ical/" in response.text


@pytest.mark.django_db
def test_draft_and_unknown_events_answer_404(client, event_index):
    draft = make_event("Черновик", live=False)
    assert client.get(f"{event_index.url}{draft.pk}/").status_code == 404
    assert client.get(f"{event_index.url}999999/").status_code == 404


@pytest.mark.django_db
def test_moscow_time_is_utc_plus_three_all_year_round(client, event_index):
    winter = make_event("Зимнее", start=moscow(2026, 1, 15, 12))
    summer = make_event("Летнее", start=moscow(2026, 7, 15, 12))
    for event in (winter, summer):
        event.refresh_from_db()
        assert event.start.utcoffset() == timedelta(0)
        assert event.start.astimezone(UTC).hour == 9
        assert event.local_start.utcoffset() == timedelta(hours=3)
        assert "12:00" in client.get(f"{event_index.url}{event.pk}/").text


@pytest.mark.django_db
def test_event_icalendar_file_is_valid_rfc5545_in_moscow_time(client, event_index):
    event = make_event("Хакатон", start=moscow(2026, 7, 1, 10), minutes=480, location="Актовый зал", summary="Кратко")
    response = client.get(f"{event_index.url}{event.pk}/ical/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["version"] == "2.0" and calendar["prodid"]
    (component,) = calendar.walk("VEVENT")
    assert component.decoded("dtstart") == moscow(2026, 7, 1, 10)
    assert component.decoded("dtend") == moscow(2026, 7, 1, 18)
    assert component["dtstart"].params["TZID"] == "Europe/Moscow"
    assert str(component["uid"]) == f"event-{event.pk}@testserver"
    assert str(component["location"]) == "Актовый зал"
    assert str(component["url"]).endswith(f"/events/{event.pk}/")
    assert "dtstamp" in component
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Europe/Moscow"
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75


@pytest.mark.django_db
def test_feed_lists_the_events_the_visitor_may_see(client, event_index, staff_user):
    make_event("Открытое", start=moscow(2026, 2, 1, 10))
    make_event("Для сотрудников", audience="staff")
    make_event("Черновик", live=False)
    titles = [
        str(e["summary"]) for e in Calendar.from_ical(client.get(f"{event_index.url}feed/").content).walk("VEVENT")
    ]
    assert titles == ["Открытое"]
    client.force_login(staff_user)
    calendar = Calendar.from_ical(client.get(f"{event_index.url}feed/").content)
    assert sorted(str(e["summary"]) for e in calendar.walk("VEVENT")) == ["Для сотрудников", "Открытое"]


@pytest.mark.django_db
def test_event_materials_and_related_pages_are_shown(client, event_index, empty_home):
    document = make_document("Итоги хакатона")
    related = empty_home.add_child(instance=StandardPage(title="Решение команды", slug="solution"))
    event = make_event(
        "Хакатон",
        starts_in=timedelta(days=-3),
        materials=[{"type": "slides", "value": {"title": "Презентации", "documents": [document.pk]}}],
    )
    EventRelatedPage.objects.create(event=event, page=related)
    html = client.get(f"{event_index.url}{event.pk}/").text
    assert "Материалы события" in html and "Итоги хакатона" in html and document.url in html
    assert "Решение команды" in html
