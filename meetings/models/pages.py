"""The page that lists the meeting rooms; its sub-routes are the slot picker, answers and calendars."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from meetings import views
from pages.models.base import BasePage
from residents.audiences import Audience, audience_field


class MeetingRoomsPage(RoutablePageMixin, BasePage):
    """Lists the rooms a visitor may see, lets a resident book a free slot and a host answer requests."""

    audience = audience_field(Audience.RESIDENTS)

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("переговорные комнаты")
        verbose_name_plural = _("страницы переговорных комнат")

    @path("", name="index")
    def index_route(self, request):
        return views.rooms_index(request, self)

    @path("rooms/<int:room_id>/", name="room")
    def room_route(self, request, room_id):
        return views.room_detail(request, self, room_id)

    @path("bookings/<int:booking_id>/calendar/", name="booking_ics")
    def booking_ics_route(self, request, booking_id):
        return views.booking_ics(request, self, booking_id)

    @path("bookings/<int:booking_id>/<slug:action>/", name="booking_action")
    def booking_action_route(self, request, booking_id, action):
        return views.booking_action(request, self, booking_id, action)
