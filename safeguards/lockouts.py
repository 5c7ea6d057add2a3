"""Failed logins lock one login from one address, for a delay that grows with every further failure.

django-axes counts failures per (username, IP address) pair (`AXES_LOCKOUT_PARAMETERS`), so an attacker can
lock neither a user out of every address nor a whole school's shared address. After `AXES_FAILURE_LIMIT`
failures the pair waits `LOCKOUT_BASE_DELAY` seconds; each failure during the wait doubles it, up to
`LOCKOUT_MAX_DELAY`. The wait ends by itself (no CAPTCHA); staff lift it earlier in the admin
(«Блокировки входа»). A wrong API token counts as a failed login of the pair ("api-token", address).
"""

import datetime

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings

TOKEN_USERNAME = "api-token"  # noqa: S105 (the name failed API tokens are counted under)


def _username(request) -> str | None:
    username = getattr(request, "lockout_username", None)
    if username:
        return username
    credentials = getattr(request, "axes_credentials", None) or {}
    field = settings.AXES_USERNAME_FORM_FIELD
    return credentials.get(field) or (request.POST.get(field) if request.method == "POST" else None)


def delay_for(failures: int) -> datetime.timedelta:
    """The wait after `failures` failed attempts of a pair."""
    beyond = max(failures - settings.AXES_FAILURE_LIMIT, 0)
    seconds = min(settings.LOCKOUT_BASE_DELAY * 2 ** min(beyond, 30), settings.LOCKOUT_MAX_DELAY)
    return datetime.timedelta(seconds=seconds)


def lockout_cooloff(request=None) -> datetime.timedelta:
    """AXES_COOLOFF_TIME: the wait of the request's pair, from the failures recorded for it."""
    if request is None:
        return datetime.timedelta(seconds=settings.LOCKOUT_MAX_DELAY)
    attempts = AccessAttempt.objects.filter(ip_address=getattr(request, "axes_ip_address", None))
    username = _username(request)
    if username is not None:
        attempts = attempts.filter(username=username)
    failures = max(attempts.values_list("failures_since_start", flat=True), default=0)
    return delay_for(failures)


def lockouts_recent():
    """Pairs with failed attempts, most recent first (what staff see before lifting a lockout)."""
    return AccessAttempt.objects.order_by("-attempt_time")


def lockout_lift(*, attempt_id: int) -> int:
    """Forgets the failures of one pair: its login works again at once. Returns how many records went."""
    attempt = AccessAttempt.objects.filter(pk=attempt_id).first()
    if attempt is None:
        return 0
    return reset(username=attempt.username, ip=attempt.ip_address)
