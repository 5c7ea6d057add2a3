"""The Wagtail admin carries the school's name and logo (its documented branding blocks, templates/wagtailadmin)."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.templatetags.static import static
from wagtail.models import Site

from pages.models.site_settings import SchoolSettings

register = template.Library()


@dataclass(frozen=True)
class Branding:
    name: str
    logo_url: str


@register.simple_tag(takes_context=True)
def admin_branding(context) -> Branding:
    """The school's short name and logo from the site's settings (the admin's own site, else the default one);
    the coworking space's name and emblem while the school has not filled them in."""
    request = context.get("request")
    if request is not None and Site.find_for_request(request) is not None:
        school = SchoolSettings.for_request(request)  # read once per request, as the site's header does
    else:
        site = Site.objects.filter(is_default_site=True).first()
        school = SchoolSettings.for_site(site) if site else None
    name = (school and (school.short_name or school.school_name)) or settings.WAGTAIL_SITE_NAME
    logo_url = school.logo.get_rendition("height-80").url if school and school.logo else static("favicon.svg")
    return Branding(name=name, logo_url=logo_url)
