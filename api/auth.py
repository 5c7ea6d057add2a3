"""Who is calling API v3, decided once for every operation of every router.

A caller is the holder of a Wagtail API token (`Authorization: Bearer <key>`), else the user of the site's
session (a resident reading the API from the browser), else nobody. `request.user` is then exactly that
person, so every selector gives them what their tier opens, and nothing more:

- a wrong, revoked or malformed token is refused with 401 rather than read as anonymous, so a client with a
  broken token notices;
- the token of a suspended resident, or of a partner whose contract has ended, is theirs, as their session
  is: they are signed in, and their tier opens only what is open to everyone;
- a session may write only with Django's CSRF token, as the site's own forms do; token requests need none.

`PUBLIC` is the API's default (routers added later inherit it); operations for signed-in people declare
`auth=SIGNED_IN`.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from ninja.security.http import HttpAuthBase
from ninja.utils import check_csrf

from api.errors import APIError
from residents.authentication import user_for_token

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def bearer_token(request: HttpRequest) -> str | None:
    """The token of an `Authorization` header, "" for a header that is not a usable bearer token."""
    header = request.headers.get("Authorization")
    if header is None:
        return None
    scheme, _space, token = header.strip().partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


class Caller(HttpAuthBase):
    """Anyone: a token's holder, the session's user, or an anonymous visitor."""

    openapi_type = "http"
    openapi_scheme = "bearer"
    signed_in = False

    def __call__(self, request: HttpRequest):
        token = bearer_token(request)
        if token is not None:
            user = self._token_holder(request, token)
        else:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                self._check_csrf(request)
        if user is not None and user.is_authenticated:
            request.user = user
            return user
        if self.signed_in:
            return None  # ninja answers 401
        request.user = AnonymousUser()
        return request.user

    @staticmethod
    def _token_holder(request: HttpRequest, token: str):
        """The token's holder (a suspended resident's too: their tier, not the token, narrows what they see)."""
        user = user_for_token(request, token) if token else None
        if user is None:
            raise APIError(401, _("Токен недействителен или отозван."), code="invalid_token")
        request._dont_enforce_csrf_checks = True  # a token is not a cookie: no cross-site forgery to fear
        return user

    @staticmethod
    def _check_csrf(request: HttpRequest) -> None:
        if request.method in SAFE_METHODS or getattr(request, "_dont_enforce_csrf_checks", False):
            return
        if check_csrf(request) is not None:
            raise APIError(403, _("Нет CSRF-токена: пишите через формы сайта или с токеном API."), code="csrf_failed")


class SignedInCaller(Caller):
    """Only a token's holder or the session's user; anonymous callers get 401."""

    signed_in = True


PUBLIC = Caller()
SIGNED_IN = SignedInCaller()
