"""API v3 router `meetings`: rooms (with free slots) for those who may see them, and a person's own bookings.

The caller is decided by `api.auth` (token, else session, else anonymous): anonymous visitors see only rooms
opened to everyone, and booking needs a signed-in caller. The video link appears only in the caller's own
confirmed bookings, never in the rooms.
"""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from api.auth import SIGNED_IN
from api.errors import APIError, ErrorSchema
from api.pagination import LimitOffset
from api.rendering import LocalTime
from api.validation import Id
from meetings.models import Booking, BookingStatus, MeetingRoom
from meetings.permissions import can_see_link
from meetings.selectors import bookings_of_resident, room_free_slots, rooms_visible
from meetings.services import BookingError, booking_cancel, booking_create
from pages.localized import localized
from residents.audiences import Audience

router = Router(tags=["meetings"])

# The HTTP status of the refusals of `meetings.services`: a booking's other refusals are about the time asked
# for (422); a cancellation's, about the booking's state (409).
BOOKING_REFUSALS = ({"login": 401, "forbidden": 403, "host": 403, "taken": 409}, 422)
CANCEL_REFUSALS = ({"login": 401, "forbidden": 403}, 409)


class MeetingHostSchema(Schema):
    name: str
    role: str
    position: str


class MeetingOfficeHoursSchema(Schema):
    weekday: int = Field(description="0 is Monday")
    start: LocalTime
    end: LocalTime
    slot_minutes: int


class MeetingRoomSchema(Schema):
    id: int
    name: str
    purpose: str
    audience: Audience
    host: MeetingHostSchema
    office_hours: list[MeetingOfficeHoursSchema]


class MeetingSlotSchema(Schema):
    start: datetime.datetime
    end: datetime.datetime


class MeetingBookingSchema(Schema):
    id: int
    room_id: int
    room_name: str
    start: datetime.datetime
    end: datetime.datetime
    status: BookingStatus
    topic: str
    video_link: str | None = Field(description="Only in the caller's own confirmed booking")

    @staticmethod
    def resolve_room_name(booking: Booking) -> str:
        return localized(booking.room).name  # read with a list's rows; a single booking's room, one query

    @staticmethod
    def resolve_video_link(booking: Booking, context) -> str | None:
        return booking.room.video_link if can_see_link(booking, context["request"].user) else None


class MeetingBookingRequestSchema(Schema):
    room: int = Field(description="The room's id")
    start: datetime.datetime = Field(description="The start of a free slot, with its offset")
    topic: str = Field("", max_length=300)


def room_for(request: HttpRequest, room_id: int) -> MeetingRoom:
    return get_object_or_404(rooms_visible(user=request.user), pk=room_id)


def refused(error: BookingError, refusals: tuple[dict[str, int], int]) -> APIError:
    statuses, default = refusals
    return APIError(statuses.get(error.code, default), error.message, code=error.code)


@router.get("/rooms/", response=list[MeetingRoomSchema], url_name="meetings_rooms", summary="Meeting rooms")
@paginate(LimitOffset)
def rooms_list(request: HttpRequest):
    """The rooms the caller may see, by name."""
    return rooms_visible(user=request.user)


@router.get("/rooms/{room_id}/", response=MeetingRoomSchema, url_name="meetings_room", summary="A meeting room")
def room_detail(request: HttpRequest, room_id: Id):
    return room_for(request, room_id)


@router.get(
    "/rooms/{room_id}/slots/",
    response=list[MeetingSlotSchema],
    url_name="meetings_room_slots",
    summary="Free slots, next two weeks",
)
@paginate(LimitOffset)
def room_slots(request: HttpRequest, room_id: Id):
    """The room's free slots of the next two weeks, earliest first."""
    return [slot for day in room_free_slots(room=room_for(request, room_id)) for slot in day.slots]


@router.get(
    "/bookings/",
    response=list[MeetingBookingSchema],
    auth=SIGNED_IN,
    url_name="meetings_bookings",
    summary="My bookings",
)
@paginate(LimitOffset)
def bookings_list(request: HttpRequest):
    """The caller's own bookings, latest first."""
    return bookings_of_resident(user=request.user)


@router.post(
    "/bookings/",
    response={201: MeetingBookingSchema, 404: ErrorSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="meetings_book",
    summary="Book a slot",
)
def bookings_create(request: HttpRequest, payload: MeetingBookingRequestSchema):
    """Asks the room's host for a slot; 409 when it is taken, 422 when the time is not a free slot of the next
    two weeks, 404 for a room the caller may not see."""
    room = room_for(request, payload.room)
    try:
        booking = booking_create(room=room, resident=request.user, start=payload.start, topic=payload.topic)
    except BookingError as error:
        raise refused(error, BOOKING_REFUSALS) from error
    return Status(201, booking)


@router.post(
    "/bookings/{booking_id}/cancel/",
    response={200: MeetingBookingSchema, 409: ErrorSchema},
    auth=SIGNED_IN,
    url_name="meetings_cancel",
    summary="Cancel my booking",
)
def bookings_cancel(request: HttpRequest, booking_id: Id):
    """Calls off the caller's booking; 409 when it was already declined or cancelled, or has begun."""
    booking = get_object_or_404(bookings_of_resident(user=request.user), pk=booking_id)
    try:
        return booking_cancel(booking=booking, by=request.user)
    except BookingError as error:
        raise refused(error, CANCEL_REFUSALS) from error
