"""How a refusal looks in HTML: anonymous visitors are sent to log in, residents without the tier get a 403
page in Russian, and a suspended resident or one whose partner's contract ended is told why and until when."""

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from residents.audiences import Audience
from residents.selectors import access_for


def refusal_context(user, audience: str | None = None) -> dict:
    access = access_for(user=user)
    membership = access.membership
    return {
        "access": access,
        "membership": membership,
        "suspension": access.suspension,
        "contract_expired": access.contract_expired,
        "contract_end": getattr(membership, "contract_end", None),
        "required_audience": Audience(audience).label if audience in Audience.values else "",
    }


def refuse(request, audience: str | None = None):
    """The answer to a request for an item this user may not see (anonymous: a login redirect)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = TemplateResponse(request, "residents/refused.html", refusal_context(request.user, audience), status=403)
    add_never_cache_headers(response)
    return response
