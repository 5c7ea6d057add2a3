from django import template
from wagtail.models import Page, Site

from pages.models.site_settings import SchoolSettings
from pages.navigation import menu_groups
from pages.selectors import SchoolTexts, home_for, locale_active_id, pages_breadcrumb, pages_sections, school_texts

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


@register.simple_tag(takes_context=True, name="school_texts")
def school_texts_tag(context) -> SchoolTexts:
    """The school's name, short name, address and footer in the language being read (the settings are read
    once per request, with the logo and the contacts that the header and footer take from them)."""
    return school_texts(school=SchoolSettings.for_request(context["request"]))


@register.simple_tag(takes_context=True)
def home_page(context) -> Page | None:
    """The site's home page in the language being read."""
    return _home(context)


def _sections(context) -> list[Page]:
    """The sections of the site open to the reader, read once per request (the menu and the footer list them)."""
    request = context["request"]
    if not hasattr(request, "_sections_open"):
        request._sections_open = pages_sections(home=_home(context), user=request.user)
    return request._sections_open


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """At most six short items grouped by audience (pages.navigation), collapsed behind «Меню» on phones."""
    page = context.get("page")
    current_path = getattr(page, "path", "")
    return {"items": menu_groups(_sections(context), current_path=current_path), "current_path": current_path}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    """Every section the reader may open, in tree order, the regulations and surveys included."""
    return {"sections": _sections(context)}


@register.simple_tag(takes_context=True)
def sections_open(context) -> list[Page]:
    """The sections of the site open to the user reading the page («Мой коворкинг» lists them)."""
    return _sections(context)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"crumbs": []}
    return {"crumbs": pages_breadcrumb(page=page, site=Site.find_for_request(context["request"]))}
