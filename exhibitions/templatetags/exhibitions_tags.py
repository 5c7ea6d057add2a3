"""Template tags that bring live exhibitions into other pages' templates (the landing's block)."""

from django import template
from django.utils import timezone

from exhibitions.models import ExhibitionPage
from exhibitions.selectors import exhibitions_current

register = template.Library()

# The landing may carry the block several times; one read per request serves them all.
MOST_SHOWN = 12


@register.simple_tag(takes_context=True)
def current_exhibitions(context, count: int = 3) -> list:
    """Exhibitions open today that the visitor may see, at most `count` of them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    cached = getattr(request, "_current_exhibitions", None) if request is not None else None
    if cached is None:
        cached = exhibitions_current(
            queryset=ExhibitionPage.objects.all(), user=user, today=timezone.localdate(), limit=MOST_SHOWN
        )
        if request is not None:
            request._current_exhibitions = cached
    return cached[: max(int(count or 0), 0)]
