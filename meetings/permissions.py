"""Who may do what with a booking. The video link and the .ics belong to the booking's two people only."""

from meetings.models.rooms import Booking, BookingStatus, MeetingRoom
from residents.selectors import User


def _signed_in(user: User) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_host(room: MeetingRoom, user: User) -> bool:
    return _signed_in(user) and room.host.user_id is not None and room.host.user_id == user.pk


def is_party(booking: Booking, user: User) -> bool:
    """The resident who booked, or the room's host: the people of the booking."""
    return _signed_in(user) and (booking.resident_id == user.pk or is_host(booking.room, user))


def can_decide(booking: Booking, user: User) -> bool:
    """The host answers requests on the site; staff answer them in the admin when the host cannot."""
    return is_host(booking.room, user) or (_signed_in(user) and user.is_staff)


def can_cancel(booking: Booking, user: User) -> bool:
    return is_party(booking, user) or (_signed_in(user) and user.is_staff)


def can_see_link(booking: Booking, user: User) -> bool:
    """Only the people of a confirmed booking ever see the room's video link."""
    return booking.status == BookingStatus.CONFIRMED and is_party(booking, user)
