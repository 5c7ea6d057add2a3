from django import template
from wagtail.models import Page, Site

from pages.selectors import home_for, locale_active_id, pages_breadcrumb, pages_in_menu, pages_sections

register = template.Library()


def _home(context) -> Page | None:
    """The site's home page in the language being read, found once per request (the page itself when it is
    the home page)."""
    request = context["request"]
    if not hasattr(request, "_home_page"):
        page = context.get("page")
        site = Site.find_for_request(request)
        locale_id = page.locale_id if page is not None else locale_active_id()
        request._home_page = home_for(site=site, locale_id=locale_id, page=page)
    return request._home_page


@register.simple_tag(takes_context=True)
def home_page(context) -> Page | None:
    """The site's home page in the language being read."""
    return _home(context)


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    current_path = getattr(context.get("page"), "path", "")
    items = [
        {
            "page": item,
            "current": item.path == current_path,
            "within": current_path.startswith(item.path) and item.path != current_path,
        }
        for item in pages_in_menu(home=_home(context), user=context["request"].user)
    ]
    return {"items": items}


@register.simple_tag(takes_context=True)
def sections_open(context) -> list[Page]:
    """The sections of the site open to the user reading the page («Мой коворкинг» lists them)."""
    request = context["request"]
    return pages_sections(home=_home(context), user=request.user)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": pages_breadcrumb(page=page, site=Site.find_for_request(context["request"]))}
