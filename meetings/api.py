"""API v3 router `meetings`: rooms (with free slots) for those who may see them, and a person's own bookings.

Reads use the session or a bearer token; anonymous visitors see only rooms opened to everyone. The
video link appears only in the caller's own confirmed bookings, never in the rooms.
"""

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth

from meetings.models import Booking
from meetings.permissions import can_see_link
from meetings.selectors import bookings_of_resident, room_free_slots, rooms_visible
from meetings.services import BookingError, booking_cancel, booking_create

router = Router(tags=["meetings"])
SIGNED_IN = [BearerTokenAuth(), django_auth]
ANYONE = [*SIGNED_IN, AllowAnonymous()]
ERROR_STATUS = {"login": 401, "forbidden": 403, "taken": 409, "decided": 409}


class HostSchema(Schema):
    name: str
    role: str
    position: str


class OfficeHoursSchema(Schema):
    weekday: int
    start: datetime.time
    end: datetime.time
    slot_minutes: int


class RoomSchema(Schema):
    id: int
    name: str
    purpose: str
    audience: str
    host: HostSchema
    office_hours: list[OfficeHoursSchema]

    @staticmethod
    def resolve_office_hours(room):
        return list(room.office_hours.all())


class SlotSchema(Schema):
    start: datetime.datetime
    end: datetime.datetime


class BookingSchema(Schema):
    id: int
    room_id: int
    room_name: str
    start: datetime.datetime
    end: datetime.datetime
    status: str
    topic: str
    video_link: str | None


class BookingIn(Schema):
    room: int
    start: datetime.datetime
    topic: str = ""


def _booking_out(booking: Booking, user) -> dict:
    return {
        "id": booking.pk,
        "room_id": booking.room_id,
        "room_name": booking.room.name,
        "start": booking.start,
        "end": booking.end,
        "status": booking.status,
        "topic": booking.topic,
        "video_link": booking.room.video_link if can_see_link(booking, user) else None,
    }


def _fail(error: BookingError):
    raise HttpError(ERROR_STATUS.get(error.code, 400), error.message)


@router.get("/rooms/", response=list[RoomSchema], auth=ANYONE, url_name="meetings_rooms", summary="Meeting rooms")
def rooms_list(request):
    return list(rooms_visible(user=request.user))


@router.get("/rooms/{room_id}/", response=RoomSchema, auth=ANYONE, url_name="meetings_room", summary="A meeting room")
def room_detail(request, room_id: int):
    return get_object_or_404(rooms_visible(user=request.user), pk=room_id)


@router.get("/rooms/{room_id}/slots/", response=list[SlotSchema], auth=ANYONE, summary="Free slots, next two weeks")
def room_slots(request, room_id: int):
    room = get_object_or_404(rooms_visible(user=request.user), pk=room_id)
    return [slot for day in room_free_slots(room=room) for slot in day.slots]


@router.get("/bookings/", response=list[BookingSchema], auth=SIGNED_IN, summary="My bookings")
def bookings_list(request):
    return [_booking_out(booking, request.user) for booking in bookings_of_resident(user=request.user)]


@router.post("/bookings/", response={201: BookingSchema}, auth=SIGNED_IN, summary="Book a slot")
def bookings_create(request, payload: BookingIn):
    room = get_object_or_404(rooms_visible(user=request.user), pk=payload.room)
    try:
        booking = booking_create(room=room, resident=request.user, start=payload.start, topic=payload.topic)
    except BookingError as error:
        _fail(error)
    return Status(201, _booking_out(booking, request.user))


@router.post("/bookings/{booking_id}/cancel/", response=BookingSchema, auth=SIGNED_IN, summary="Cancel my booking")
def bookings_cancel(request, booking_id: int):
    booking = get_object_or_404(bookings_of_resident(user=request.user), pk=booking_id)
    try:
        booking = booking_cancel(booking=booking, by=request.user)
    except BookingError as error:
        _fail(error)
    return _booking_out(booking, request.user)
