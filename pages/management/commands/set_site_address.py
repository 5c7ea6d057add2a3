"""manage.py set_site_address [--host H] [--port P]: the default site's host name and port, from
PUBLIC_BASE_URL unless given."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pages.services import site_address_set

DEFAULT_PORTS = {"http": 80, "https": 443}


class Command(BaseCommand):
    help = gettext_lazy(
        "Задаёт имя хоста и порт сайта по умолчанию, чтобы абсолютные ссылки (html_url в API, карта сайта, "
        "календари) вели на работающий сервер. По умолчанию они берутся из PUBLIC_BASE_URL."
    )

    def add_arguments(self, parser):
        public = urlsplit(settings.PUBLIC_BASE_URL)
        parser.add_argument("--host", default=public.hostname, help=gettext_lazy("Имя хоста, например 127.0.0.1"))
        parser.add_argument(
            "--port",
            type=int,
            default=public.port or DEFAULT_PORTS.get(public.scheme, 80),
            help=gettext_lazy("Порт, например 8000"),
        )

    def handle(self, *args, host, port, **options):
        try:
            site = site_address_set(hostname=host, port=port)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(_("Адрес сайта: %(url)s") % {"url": site.root_url})
