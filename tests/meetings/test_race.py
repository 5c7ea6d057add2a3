"""Two people ask for the same slot at the same moment: exactly one gets it."""

import threading

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


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_requests_for_one_slot_book_it_once(tutor, student, other_student, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("the race needs row locks and concurrent writers: run with DATABASE_URL=postgres://...")
    third = internal_resident(django_user_model.objects.create_user("third", "third@example.org", "password"))
    room = make_room(host=tutor)
    for index in range(5):
        start = free_slots(room, index).start
        assert _race(room, start, [student, other_student, third]) == ["booked", "taken", "taken"]
        assert Booking.objects.filter(room=room, start=start, status__in=ACTIVE_STATUSES).count() == 1


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
