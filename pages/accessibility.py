"""The version for visually impaired readers: larger type, high contrast, images hidden.

It is a cookie set by an ordinary link, so it works without JavaScript and persists across pages.
"""

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

LOW_VISION_COOKIE = "low_vision"
ONE_YEAR = 365 * 24 * 60 * 60


def low_vision_enabled(request: HttpRequest) -> bool:
    return request.COOKIES.get(LOW_VISION_COOKIE) == "1"


def safe_next_url(request: HttpRequest) -> str:
    next_url = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return "/"


def set_low_vision(request: HttpRequest, *, enabled: bool) -> HttpResponseRedirect:
    response = HttpResponseRedirect(safe_next_url(request))
    if enabled:
        response.set_cookie(LOW_VISION_COOKIE, "1", max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure())
    else:
        response.delete_cookie(LOW_VISION_COOKIE, samesite="Lax")
    return response
