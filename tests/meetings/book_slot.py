"""One process of the SQLite race in test_race.py: waits until every process is ready, then books a slot.

Usage: python tests/meetings/book_slot.py ROOM_ID USER_ID START_ISO BARRIER_DIR PROCESSES (DATABASE_URL names
the SQLite file). Prints the outcome on its last line: `booked` or the refusal's code.
"""

import datetime
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coworking.settings.dev")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from meetings.models import MeetingRoom  # noqa: E402
from meetings.services import BookingError, booking_create  # noqa: E402


def main(room_id: str, user_id: str, start: str, barrier: str, processes: str) -> str:
    room = MeetingRoom.objects.get(pk=room_id)
    user = get_user_model().objects.get(pk=user_id)
    (Path(barrier) / user_id).touch()
    deadline = time.monotonic() + 120
    while len(list(Path(barrier).iterdir())) < int(processes) and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        booking_create(room=room, resident=user, start=datetime.datetime.fromisoformat(start))
    except BookingError as error:
        return error.code
    return "booked"


if __name__ == "__main__":
    print(main(*sys.argv[1:6]))
