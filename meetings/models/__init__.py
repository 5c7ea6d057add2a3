from meetings.models.rooms import (
    ACTIVE_STATUSES,
    Booking,
    BookingStatus,
    MeetingRoom,
    OfficeHours,
    Weekday,
)

# The page's routes import the views, which need the models above: load them first.
# isort: split
from meetings.models.pages import MeetingRoomsPage

__all__ = ["ACTIVE_STATUSES", "Booking", "BookingStatus", "MeetingRoom", "MeetingRoomsPage", "OfficeHours", "Weekday"]
