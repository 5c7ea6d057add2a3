"""manage.py create_demo_admin: the demo administrator, created once, its login and password printed."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.demo_accounts import DemoCredentialsError, demo_admin_ensure, demo_password


class Command(BaseCommand):
    help = gettext_lazy(
        "Создаёт демо-администратора (один раз) и печатает его логин и пароль. Пароль — DEMO_ADMIN_PASSWORD, "
        "если задан, иначе случайный, сохранённый в .demo-credentials: при следующем запуске он тот же."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help=gettext_lazy("Логин администратора"))

    def handle(self, *args, username, **options):
        try:
            password = demo_password(username, preset=os.environ.get("DEMO_ADMIN_PASSWORD", ""))
        except DemoCredentialsError as error:
            raise CommandError(str(error)) from error
        demo_admin_ensure(login=username, password=password)
        message = _("Администратор: логин %(login)s, пароль %(password)s")
        self.stdout.write(self.style.SUCCESS(message % {"login": username, "password": password}))
