"""The routes of MeetingRoomsPage: the rooms list, a room with its slot picker, answers and calendars.

Thin: reads come from selectors, writes from services; the video link reaches a template only through
`can_see_link`.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from api.ids import id_in_range
from meetings.forms import BookingForm
from meetings.ics import booking_calendar
from meetings.models.rooms import Booking
from meetings.permissions import can_see_link, is_party
from meetings.selectors import (
    bookings_for_host,
    bookings_of_resident,
    bookings_with_room,
    room_free_slots,
    rooms_visible,
)
from meetings.services import BookingError, booking_cancel, booking_confirm, booking_create, booking_decline
from residents.selectors import can_view

MY_BOOKINGS_SHOWN = 50
ACTIONS = {"confirm": booking_confirm, "decline": booking_decline, "cancel": booking_cancel}


def _check_page(page, request) -> None:
    if not can_view(page, user=request.user):
        raise Http404


def _render(request, page, template: str, context: dict) -> TemplateResponse:
    response = TemplateResponse(request, template, {"page": page, "self": page, **context})
    if request.user.is_authenticated:
        add_never_cache_headers(response)
    return response


def _with_links(bookings, user) -> list[dict]:
    return [{"booking": b, "link": b.room.video_link if can_see_link(b, user) else None} for b in bookings]


def rooms_index(request, page):
    _check_page(page, request)
    user = request.user
    return _render(
        request,
        page,
        "meetings/meeting_rooms_page.html",
        {
            "rooms": rooms_visible(user=user),
            "my_bookings": _with_links(bookings_of_resident(user=user)[:MY_BOOKINGS_SHOWN], user),
            "host_bookings": _with_links(bookings_for_host(user=user), user),
        },
    )


def room_detail(request, page, room_id: int):
    _check_page(page, request)
    if not id_in_range(room_id):
        raise Http404
    room = get_object_or_404(rooms_visible(user=request.user), pk=room_id)
    form = BookingForm(request.POST or None)
    error = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise Http404
        if form.is_valid():
            try:
                booking_create(
                    room=room, resident=request.user, start=form.cleaned_data["slot"], topic=form.cleaned_data["topic"]
                )
            except BookingError as exc:
                error = exc.message
            else:
                messages.success(request, _("Заявка отправлена ведущему. Мы сообщим, когда он ответит."))
                return redirect(page.url + "#my-bookings")
    response = _render(
        request,
        page,
        "meetings/room_detail.html",
        {"room": room, "days": room_free_slots(room=room), "form": form, "error": error},
    )
    if error or form.errors:
        response.status_code = 400
    return response


def booking_action(request, page, booking_id: int, action: str):
    _check_page(page, request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in ACTIONS or not request.user.is_authenticated:
        raise Http404
    booking = get_object_or_404(Booking.objects.select_related("room__host"), pk=booking_id)
    if not (is_party(booking, request.user) or request.user.is_staff):
        raise Http404
    try:
        ACTIONS[action](booking=booking, by=request.user)
    except BookingError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Готово: запись %(status)s.") % {"status": _status_after(action)})
    return redirect(page.url)


def _status_after(action: str) -> str:
    return {"confirm": _("подтверждена"), "decline": _("отклонена"), "cancel": _("отменена")}[action]


def booking_ics(request, page, booking_id: int):
    _check_page(page, request)
    if not id_in_range(booking_id):
        raise Http404
    booking = get_object_or_404(bookings_with_room(), pk=booking_id)
    if not is_party(booking, request.user):
        raise Http404
    response = HttpResponse(booking_calendar(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="meeting-{booking.pk}.ics"'
    add_never_cache_headers(response)
    return response
