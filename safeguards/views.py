"""Staff lift a login lockout before its wait is over («Блокировки входа» in the admin settings)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safeguards.lockouts import lockout_lift, lockouts_recent

PERMISSION = "axes.delete_accessattempt"


def may_lift_lockouts(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def lockouts(request):
    if not may_lift_lockouts(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "safeguards/admin/lockouts.html",
        {"attempts": lockouts_recent()[:200], "page_title": _("Блокировки входа"), "header_icon": "lock"},
    )


@require_POST
def lockout_lift_view(request, attempt_id: int):
    if not may_lift_lockouts(request.user):
        raise PermissionDenied
    if lockout_lift(attempt_id=attempt_id):
        messages.success(request, _("Блокировка снята: вход с этого адреса снова открыт."))
    else:
        messages.warning(request, _("Такой блокировки уже нет."))
    return redirect("safeguards_lockouts")
