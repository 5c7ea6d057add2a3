"""Signing up for events: one click, up to capacity, cancellable; refusals change nothing; the online room."""

import csv
import io
import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from events.models import Registration
from events.services import EventActionError, registration_create
from tests.events.conftest import make_event

ROOM = "https://telemost.yandex.ru/j/12345678901234"


def register(client, index, event, action="register"):
    return client.post(f"{index.url}{event.pk}/{action}/", follow=True)


@pytest.mark.django_db
def test_signed_in_user_registers_with_one_click_and_cancels(client, event_index, member):
    event = make_event(registration_required=True, capacity=10)
    client.force_login(member)
    page = client.get(f"{event_index.url}{event.pk}/").text
    assert "Записаться" in page and "свободно: 10" in page
    response = register(client, event_index, event)
    assert "Вы записаны на событие." in response.text and "Отменить запись" in response.text
    assert "свободно: 9" in response.text
    assert Registration.objects.filter(event=event, user=member).count() == 1
    response = register(client, event_index, event, "cancel")
    assert "Запись отменена." in response.text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registering_twice_says_so_and_changes_nothing(client, event_index, member):
    event = make_event(registration_required=True)
    client.force_login(member)
    register(client, event_index, event)
    response = register(client, event_index, event)
    assert "Вы уже записаны на это событие." in response.text
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registering_past_capacity_is_refused(client, event_index, member, staff_user):
    event = make_event(registration_required=True, capacity=1)
    Registration.objects.create(event=event, user=staff_user)
    client.force_login(member)
    assert "Свободных мест нет." in client.get(f"{event_index.url}{event.pk}/").text
    response = register(client, event_index, event)
    assert "Свободных мест больше нет." in response.text
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_registering_or_cancelling_after_the_start_is_refused(client, event_index, member):
    event = make_event(registration_required=True, starts_in=timedelta(minutes=-5))
    client.force_login(member)
    assert "Запись закрыта: событие уже началось." in register(client, event_index, event).text
    assert not Registration.objects.exists()
    Registration.objects.create(event=event, user=member)
    response = register(client, event_index, event, "cancel")
    assert "отменить запись нельзя" in response.text
    assert Registration.objects.count() == 1


@pytest.mark.django_db
def test_event_without_registration_takes_no_sign_ups(client, event_index, member):
    event = make_event(registration_required=False)
    client.force_login(member)
    assert "Записаться" not in client.get(f"{event_index.url}{event.pk}/").text
    assert "нельзя" in register(client, event_index, event).text
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_anonymous_visitor_is_sent_to_log_in(client, event_index):
    event = make_event(registration_required=True)
    assert "Войдите" in client.get(f"{event_index.url}{event.pk}/").text
    response = client.post(f"{event_index.url}{event.pk}/register/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_needs_the_events_audience(client, event_index, member, staff_user):
    event = make_event(registration_required=True, audience="residents")
    client.force_login(member)
    assert client.get(f"{event_index.url}{event.pk}/").status_code == 404
    with pytest.raises(EventActionError):
        registration_create(event_id=event.pk, user=member)
    client.force_login(staff_user)
    assert "Вы записаны" in register(client, event_index, event).text


@pytest.mark.django_db
def test_registration_by_get_is_not_allowed(client, event_index, member):
    event = make_event(registration_required=True)
    client.force_login(member)
    assert client.get(f"{event_index.url}{event.pk}/register/").status_code == 405


@pytest.mark.django_db
def test_online_room_link_only_for_those_registered(client, event_index, member):
    event = make_event(registration_required=True, online_url=ROOM)
    url = f"{event_index.url}{event.pk}/"
    assert ROOM not in client.get(url).text
    client.force_login(member)
    assert ROOM not in client.get(url).text
    assert ROOM in register(client, event_index, event).text


@pytest.mark.django_db
def test_online_room_link_without_registration_goes_to_signed_in_audience_only(client, event_index, member):
    event = make_event(registration_required=False, online_url=ROOM)
    url = f"{event_index.url}{event.pk}/"
    assert ROOM not in client.get(url).text
    assert "Онлайн" in client.get(url).text
    client.force_login(member)
    assert ROOM in client.get(url).text


@pytest.mark.django_db
def test_online_room_link_never_in_feeds_listings_calendar_or_api(client, event_index, staff_user):
    event = make_event(registration_required=False, online_url=ROOM)
    client.force_login(staff_user)
    start = event.local_start
    for url in [
        event_index.url,
        f"{event_index.url}calendar/{start.year}/{start.month}/",
        f"{event_index.url}feed/",
        f"{event_index.url}{event.pk}/ical/",
        "/api/v3/events/",
        f"/api/v3/events/{event.pk}/",
        "/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert ROOM not in response.content.decode(), url
        assert "12345678901234" not in response.content.decode(), url


@pytest.mark.django_db
def test_organiser_sees_the_list_in_the_admin_and_exports_csv(admin_client, event_index, member, staff_user):
    event = make_event("Хакатон", registration_required=True)
    other = make_event("Вебинар", registration_required=True)
    member.first_name, member.last_name = "Ирина", "Петрова"
    member.save()
    Registration.objects.create(event=event, user=member)
    Registration.objects.create(event=event, user=staff_user)
    Registration.objects.create(event=other, user=staff_user)
    listing = admin_client.get("/admin/event_registrations/", {"event": event.pk})
    assert listing.status_code == 200
    assert "Ирина Петрова" in listing.text and "methodist" in listing.text
    export = admin_client.get("/admin/event_registrations/", {"event": event.pk, "export": "csv"})
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == 3
    assert any("Ирина Петрова" in row and "guest@example.org" in row for row in rows)


# SQLite serialises writes itself; the row lock and the unique constraint are exercised on PostgreSQL.
# serialized_rollback restores what the migrations created (the root page, locales) for the tests after.
race = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite serialises writes"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@race[0]
@race[1]
def test_two_sign_ups_for_the_last_place_one_wins(member, staff_user):
    event = make_event(registration_required=True, capacity=1)
    barrier = threading.Barrier(2)
    outcomes = []

    def sign_up(user):
        try:
            barrier.wait()
            registration_create(event_id=event.pk, user=user)
            outcomes.append("won")
        except EventActionError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up, args=(user,)) for user in (member, staff_user)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["won", "Свободных мест больше нет."]
    assert Registration.objects.filter(event=event).count() == 1


@race[0]
@race[1]
def test_two_simultaneous_clicks_of_one_user_register_once(member):
    event = make_event(registration_required=True, capacity=5)
    barrier = threading.Barrier(2)
    outcomes = []

    def sign_up():
        try:
            barrier.wait()
            registration_create(event_id=event.pk, user=member)
            outcomes.append("won")
        except EventActionError as error:
            outcomes.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=sign_up) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["won", "Вы уже записаны на это событие."]
    assert Registration.objects.count() == 1
