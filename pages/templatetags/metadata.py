from django import template
from django.utils.translation import get_language

from pages.metadata import Alternate, metadata_for, page_alternates

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, title: str = "", description: str = "", image=None):
    """Description, canonical link, `hreflang` alternates and Open Graph tags of the page being read."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    language = (get_language() or "ru").split("-")[0]
    return {
        "meta": metadata_for(
            request=request, page=page, language=language, title=title, description=description, image=image
        )
    }


@register.simple_tag(takes_context=True)
def language_links(context) -> list[Alternate]:
    """The page being read in the other languages, at the same place (an event stays that event)."""
    request, page = context.get("request"), context.get("page")
    if request is None or page is None:
        return []
    language = (get_language() or "ru").split("-")[0]
    return [alternate for alternate in page_alternates(page, request=request) if alternate.language != language]
