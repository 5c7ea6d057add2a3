"""Meeting rooms with their office hours and bookings, and the page that lists them.

The page's routes call `meetings.views`; the views and what they use (selectors, services, slots, calendars,
notifications) import the room models from `meetings.models.rooms`, never from this package, so the imports
run one way: pages -> views -> rooms.
"""

from meetings.models.pages import MeetingRoomsPage
from meetings.models.rooms import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    MeetingRoom,
    OfficeHours,
    Weekday,
)

__all__ = ["ACTIVE_STATUSES", "Booking", "BookingStatus", "MeetingRoom", "MeetingRoomsPage", "OfficeHours", "Weekday"]
