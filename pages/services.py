"""Writes to the site's own configuration."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.models import Site


def site_address_set(*, hostname: str, port: int) -> Site:
    """Gives the default site this host name and port, so that every link Wagtail builds from the site
    (the API's html_url, the sitemap, feeds, calendars) points at the server that really runs."""
    if not hostname or any(character in hostname for character in "/: "):
        raise ValidationError(_("Неверное имя хоста «%(hostname)s».") % {"hostname": hostname})
    if not 0 < port < 65536:
        raise ValidationError(_("Неверный порт %(port)s: нужен номер от 1 до 65535.") % {"port": port})
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise ValidationError(_("Сайта по умолчанию ещё нет: сначала выполните manage.py load_demo."))
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
