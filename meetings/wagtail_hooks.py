from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from meetings import admin_views
from meetings.models import MeetingRoom


class MeetingRoomViewSet(SnippetViewSet):
    model = MeetingRoom
    icon = "group"
    menu_label = _("Переговорные")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "host", "audience"]
    list_filter = ["audience", "host"]
    search_fields = ["name", "purpose"]


register_snippet(MeetingRoomViewSet)


@hooks.register("register_admin_urls")
def register_booking_urls():
    return [
        path("meetings/bookings/", admin_views.bookings_index, name="meetings_admin_bookings"),
        path(
            "meetings/bookings/<int:booking_id>/<slug:action>/",
            admin_views.booking_action,
            name="meetings_admin_booking_action",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_bookings_menu_item():
    return MenuItem(_("Записи на встречи"), reverse("meetings_admin_bookings"), icon_name="date", order=311)
