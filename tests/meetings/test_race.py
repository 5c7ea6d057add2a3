"""Two people ask for the same slot at the same moment: exactly one gets it, and nobody gets an error.

On PostgreSQL the requests run in threads; on SQLite in separate processes on a database file (the suite's
SQLite database is in memory), as app servers would: with the write-ahead log, a busy timeout and
transactions that take the write lock when they begin, they wait for each other instead of failing with
"database is locked".
"""

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction

from meetings.models import ACTIVE_STATUSES, Booking, BookingStatus
from meetings.services import BookingError, booking_create
from tests.meetings.conftest import free_slots, internal_resident, make_room


def _race(room, start, users) -> list[str]:
    barrier = threading.Barrier(len(users))
    results = []

    def attempt(user):
        try:
            barrier.wait()
            booking_create(room=room, resident=user, start=start)
            results.append("booked")
        except BookingError as error:
            results.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(results)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_simultaneous_requests_for_one_slot_book_it_once(tutor, student, other_student, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("the race needs row locks and concurrent writers: run with DATABASE_URL=postgres://...")
    third = internal_resident(django_user_model.objects.create_user("third", "third@example.org", "password"))
    room = make_room(host=tutor)
    for index in range(5):
        start = free_slots(room, index).start
        assert _race(room, start, [student, other_student, third]) == ["booked", "taken", "taken"]
        assert Booking.objects.filter(room=room, start=start, status__in=ACTIVE_STATUSES).count() == 1


SCRIPT = Path(__file__).with_name("book_slot.py")


def _race_processes(room, start, users, tmp_path: Path) -> list[str]:
    database = tmp_path / "race.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(database)
    connection.connection.backup(copy)
    copy.close()
    barrier = tmp_path / "ready"
    barrier.mkdir()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "coworking.settings.dev",
    }
    arguments = [str(room.pk), "", start.isoformat(), str(barrier), str(len(users))]
    processes = [
        subprocess.Popen(
            [sys.executable, str(SCRIPT), *arguments[:1], str(user.pk), *arguments[2:]],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for user in users
    ]
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    with sqlite3.connect(database) as copy:
        (count,) = copy.execute("SELECT COUNT(*) FROM meetings_booking WHERE room_id = ?", [room.pk]).fetchone()
    assert count == 1
    return sorted(out.strip().splitlines()[-1] for out, err in outputs)


@pytest.mark.slow_subprocess
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_on_sqlite_simultaneous_bookings_wait_for_each_other_instead_of_failing(
    tutor, student, other_student, django_user_model, tmp_path
):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite race; PostgreSQL's runs in threads above")
    third = internal_resident(django_user_model.objects.create_user("third", "third@example.org", "password"))
    room = make_room(host=tutor)
    start = free_slots(room).start
    assert _race_processes(room, start, [student, other_student, third], tmp_path) == ["booked", "taken", "taken"]


@pytest.mark.django_db
def test_the_database_refuses_a_second_active_booking_of_a_slot(tutor, student, other_student):
    room = make_room(host=tutor)
    slot = free_slots(room)
    Booking.objects.create(room=room, resident=student, start=slot.start, end=slot.end)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(room=room, resident=other_student, start=slot.start, end=slot.end)
    Booking.objects.create(
        room=room, resident=other_student, start=slot.start, end=slot.end, status=BookingStatus.DECLINED
    )
