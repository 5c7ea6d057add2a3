"""Anonymous form posts are rate-limited per address and form, generously enough for a class on one network.

Logins are left to django-axes (per login and address), the API to its tokens; everything else an anonymous
visitor posts (the password-reset form, the event generator's submissions, feedback forms) counts here.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _

from safeguards.limits import anonymous_post_exceeded, anonymous_post_limit, retry_after
from safeguards.requests import client_address

EXEMPT_PREFIXES = ("/api/",)


def _is_login(path: str) -> bool:
    return path.rstrip("/").endswith("/login")


class AnonymousPostLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._limited(request):
            response = render(
                request,
                "safeguards/too_many_requests.html",
                {"message": _("Слишком много отправок с вашего адреса. Подождите несколько минут и повторите.")},
                status=429,
            )
            response["Retry-After"] = str(retry_after(anonymous_post_limit()))
            return response
        return self.get_response(request)

    @staticmethod
    def _limited(request) -> bool:
        if request.method != "POST" or request.path.startswith(EXEMPT_PREFIXES) or _is_login(request.path):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        return anonymous_post_exceeded(client_address(request), request.path)
