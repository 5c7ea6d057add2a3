from django import template
from django.conf import settings
from django.utils.translation import get_language

from pages.metadata import Alternate, home_alternates, metadata_for, page_alternates

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
    """The page being read in the other languages, at the same place (an event stays that event); the other
    language's home page where the page has no translation, or the view is not a page (login, search)."""
    request, page = context.get("request"), context.get("page")
    if request is None:
        return []
    language = (get_language() or "ru").split("-")[0]
    translations = (
        {alternate.language: alternate for alternate in page_alternates(page, request=request)} if page else {}
    )
    homes = None
    links = []
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        if code not in translations and homes is None:
            homes = {alternate.language: alternate for alternate in home_alternates(request=request)}
        link = translations.get(code) or (homes or {}).get(code)
        if link:
            links.append(link)
    return links
