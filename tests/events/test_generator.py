"""The project event generator: exact timing arithmetic, the programme page, its calendar file, proposals."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.demo.loader import formats_data
from events.generator import MAX_DURATION, programme_build, scale_minutes
from events.models import EVENT_TIME_ZONE, Event
from tests.events.conftest import moscow

FORMATS = formats_data()
DURATIONS = [10, 11, 15, 29, 45, 60, 61, 77, 90, 97, 120, 180, 241, 479, 480, 1000, 1439, MAX_DURATION]


@pytest.mark.parametrize("spec", FORMATS, ids=lambda spec: spec["slug"])
@pytest.mark.parametrize("duration", DURATIONS)
def test_agenda_fills_exactly_the_chosen_duration_in_whole_minutes(spec, duration):
    weights = [step["weight"] for step in spec["steps"]]
    minutes = scale_minutes(weights, duration)
    assert sum(minutes) == duration
    assert all(isinstance(length, int) and length >= 1 for length in minutes)
    quota = [duration * weight / sum(weights) for weight in weights]
    assert all(abs(length - share) < len(weights) for length, share in zip(minutes, quota, strict=True))


@pytest.mark.parametrize("spec", FORMATS, ids=lambda spec: spec["slug"])
def test_at_the_typical_duration_the_agenda_is_the_template(spec):
    weights = [step["weight"] for step in spec["steps"]]
    assert sum(weights) == spec["typical_duration"]
    assert scale_minutes(weights, spec["typical_duration"]) == weights


@pytest.mark.parametrize(
    ("weights", "total", "expected"),
    [
        ([1, 1, 1], 10, [4, 3, 3]),
        ([1, 1, 1], 3, [1, 1, 1]),
        ([2, 1], 90, [60, 30]),
        ([5, 36, 14, 5], 60, [5, 36, 14, 5]),
        ([30, 30, 270, 45, 75, 30], 100, [6, 6, 56, 10, 16, 6]),
        ([100, 1, 1], 5, [3, 1, 1]),
    ],
)
def test_largest_remainder_gives_spare_minutes_to_the_largest_fractions(weights, total, expected):
    assert scale_minutes(weights, total) == expected


def test_scaling_refuses_a_duration_shorter_than_one_minute_per_step():
    with pytest.raises(ValueError):
        scale_minutes([1, 1, 1], 2)


@pytest.mark.django_db
@pytest.mark.parametrize("duration", [10, 59, 90, 1441])
def test_programme_steps_follow_each_other_from_start_to_end(formats, duration):
    for event_format in formats.values():
        start = moscow(2026, 12, 1, 10, 0)
        programme = programme_build(
            event_format=event_format, topic="Тема", start=start, duration=duration, participants=23
        )
        assert programme.agenda[0].start == start
        assert programme.agenda[-1].end == start + timedelta(minutes=duration) == programme.end
        for before, after in zip(programme.agenda, programme.agenda[1:], strict=False):
            assert before.end == after.start
        assert [item.title for item in programme.agenda] == [step.title for step in event_format.steps.all()]


@pytest.mark.django_db
def test_team_formats_split_participants_into_teams(formats):
    programme = programme_build(
        event_format=formats["hackathon"], topic="Тема", start=moscow(2026, 12, 1, 10), duration=480, participants=23
    )
    assert programme.teams == 5
    assert "Команд: 5." in programme.announcement()


GENERATOR_QUERY = {
    "event_format": "case-tournament",
    "topic": "Школьный двор будущего",
    "date": "2026-12-01",
    "time": "15:00",
    "duration": "97",
    "participants": "23",
}


@pytest.mark.django_db
def test_generator_page_offers_every_format_to_anonymous_visitors(client, generator_page):
    html = client.get(generator_page.url).text
    for spec in FORMATS:
        assert f'value="{spec["slug"]}"' in html
    assert "Составить программу" in html
    tomorrow = timezone.now().astimezone(EVENT_TIME_ZONE).date() + timedelta(days=1)
    assert f'type="date" name="date" value="{tomorrow:%Y-%m-%d}"' in html
    assert 'type="time" name="time" value="15:00"' in html


@pytest.mark.django_db
def test_generator_page_builds_a_timed_programme_with_roles_checklist_and_announcement(client, generator_page):
    html = client.get(generator_page.url, GENERATOR_QUERY).text
    assert "Кейс-турнир: Школьный двор будущего" in html
    assert ">15:00</time>" in html and ">16:37</time>" in html
    assert "Жюри" in html and "Критерии оценки" in html
    assert "Приглашаем на событие в формате «Кейс-турнир» на тему «Школьный двор будущего»." in html
    assert "1 декабря 2026" in html and "1 ч 37 мин" in html
    assert "Войдите" in html and "станьте резидентом" in html
    assert "Предложить событие коворкингу" not in html


@pytest.mark.django_db
def test_generator_refuses_bad_choices_with_a_message_in_russian(client, generator_page):
    html = client.get(generator_page.url, {**GENERATOR_QUERY, "duration": "5", "event_format": "nope"}).text
    assert "Продолжительность — не меньше 10 минут." in html
    assert "Такого формата нет" in html
    assert "programme-title" not in html


@pytest.mark.django_db
def test_programme_downloads_as_a_valid_icalendar_file(client, generator_page):
    response = client.get(f"{generator_page.url}ical/", GENERATOR_QUERY)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="programme.ics"' in response["Content-Disposition"]
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == moscow(2026, 12, 1, 15, 0)
    assert event.decoded("dtend") == moscow(2026, 12, 1, 16, 37)
    assert "Школьный двор будущего" in str(event["summary"])
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Moscow"]


@pytest.mark.django_db
def test_programme_file_with_bad_choices_answers_400_with_the_form(client, generator_page):
    response = client.get(f"{generator_page.url}ical/", {**GENERATOR_QUERY, "participants": "0"})
    assert response.status_code == 400
    assert "Убедитесь" in response.text or "participants" in response.text or "Участников" in response.text


@pytest.mark.django_db
def test_anonymous_submission_is_sent_to_log_in_and_creates_nothing(client, generator_page):
    response = client.post(f"{generator_page.url}submit/", GENERATOR_QUERY)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_user_without_residency_cannot_propose(client, generator_page, member, workflow):
    client.force_login(member)
    assert "Предложить событие коворкингу" not in client.get(generator_page.url, GENERATOR_QUERY).text
    response = client.post(f"{generator_page.url}submit/", GENERATOR_QUERY, follow=True)
    assert "Предлагать события могут резиденты коворкинга" in response.text
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_resident_proposal_becomes_a_draft_event_in_the_moderation_workflow(
    client, generator_page, staff_user, workflow
):
    client.force_login(staff_user)
    assert "Предложить событие коворкингу" in client.get(generator_page.url, GENERATOR_QUERY).text
    response = client.post(f"{generator_page.url}submit/", GENERATOR_QUERY, follow=True)
    assert "отправлено на модерацию" in response.text
    event = Event.objects.get()
    assert event.title == "Кейс-турнир: Школьный двор будущего"
    assert not event.live and event.has_unpublished_changes
    assert event.start == moscow(2026, 12, 1, 15) and event.end == moscow(2026, 12, 1, 16, 37)
    assert event.proposed_by == staff_user and event.event_format.slug == "case-tournament"
    assert event.current_workflow_state.workflow == workflow
    assert event.current_workflow_state.status == "in_progress"
