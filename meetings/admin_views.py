"""The admin's list of upcoming bookings, where staff (or a host with admin access) answer requests."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from meetings.models import ACTIVE_STATUSES, Booking
from meetings.services import BookingError, booking_cancel, booking_confirm, booking_decline

ACTIONS = {"confirm": booking_confirm, "decline": booking_decline, "cancel": booking_cancel}


def bookings_index(request):
    bookings = (
        Booking.objects.filter(status__in=ACTIVE_STATUSES, end__gt=timezone.now())
        .select_related("room__host", "resident")
        .order_by("status", "start")
    )
    if not request.user.is_staff:
        bookings = bookings.filter(room__host__user=request.user)
    return TemplateResponse(
        request,
        "meetings/admin/bookings.html",
        {"bookings": bookings, "page_title": _("Записи на встречи"), "header_icon": "date"},
    )


def booking_action(request, booking_id: int, action: str):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if action not in ACTIONS:
        raise Http404
    booking = get_object_or_404(Booking, pk=booking_id)
    try:
        ACTIONS[action](booking=booking, by=request.user)
    except BookingError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Запись «%(booking)s» обновлена.") % {"booking": booking})
    return redirect("meetings_admin_bookings")
