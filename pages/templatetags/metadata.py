from django import template
from django.utils.translation import get_language

from pages.metadata import metadata_for

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
