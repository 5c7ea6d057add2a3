"""Authentication of API requests by a Wagtail `APIToken` (`Authorization: Bearer ...`), for API v2 (DRF).
A suspended resident's or an expired partner's token stops working. A wrong token counts as a failed login
(django-axes) of the pair ("api-token", address), with its growing wait; a valid token keeps working whatever
the failures from its address, so nobody can lock a school's integrations out by sending wrong tokens."""

from django.contrib.auth import user_login_failed
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions
from wagtail.models import APIToken

from safeguards.lockouts import TOKEN_USERNAME


def user_for_token(request, token: str):
    """The active holder of a live API token, or None; a wrong token counts as a failed login attempt."""
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    user = api_token.user if api_token else None
    if user is None or not user.is_active:
        request.lockout_username = TOKEN_USERNAME
        user_login_failed.send(sender=__name__, credentials={"username": TOKEN_USERNAME}, request=request)
        return None
    return user


def _token_from(request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


class BearerTokenAuthentication(authentication.BaseAuthentication):
    """DRF authentication by a Wagtail API token: `Authorization: Bearer <token>`."""

    def authenticate(self, request):
        token = _token_from(request)
        if token is None:
            return None
        user = user_for_token(request._request, token)
        if user is None:
            raise exceptions.AuthenticationFailed(_("Токен недействителен или отозван."))
        # A suspended resident or a partner whose contract ended stays signed in, as with a session: their
        # tier (access_for) gives them only what is open to everyone.
        return (user, token)

    def authenticate_header(self, request):
        return "Bearer"
