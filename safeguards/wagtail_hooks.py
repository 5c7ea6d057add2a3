from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from safeguards import views


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_lift_lockouts(request.user)


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [
        path("lockouts/", views.lockouts, name="safeguards_lockouts"),
        path("lockouts/<int:attempt_id>/lift/", views.lockout_lift_view, name="safeguards_lockout_lift"),
    ]


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(_("Блокировки входа"), reverse("safeguards_lockouts"), icon_name="lock", order=900)
