from django import template
from wagtail.models import Locale, Page, Site

from pages.selectors import pages_breadcrumb, pages_in_menu, pages_sections

register = template.Library()


def _locale(context):
    page = context.get("page")
    return getattr(page, "locale", None) or Locale.get_active()


@register.simple_tag(takes_context=True)
def home_page(context) -> Page | None:
    """The site's home page in the language being read."""
    site = Site.find_for_request(context["request"])
    if site is None:
        return None
    return site.root_page.get_translation_or_none(_locale(context)) or site.root_page


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {
            "page": item,
            "current": item.path == current_path,
            "within": current_path.startswith(item.path) and item.path != current_path,
        }
        for item in pages_in_menu(
            site=Site.find_for_request(context["request"]), locale=_locale(context), user=context["request"].user
        )
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def sections_open(context) -> list[Page]:
    """The sections of the site open to the user reading the page («Мой коворкинг» lists them)."""
    request = context["request"]
    return pages_sections(site=Site.find_for_request(request), locale=_locale(context), user=request.user)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": pages_breadcrumb(page=page, site=Site.find_for_request(context["request"]))}
