"""manage.py create_demo_residents: demo residents of each kind, created once, their logins and passwords
printed."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.demo_accounts import DEMO_RESIDENTS, DemoCredentialsError, demo_password, demo_residents_ensure


class Command(BaseCommand):
    help = gettext_lazy(
        "Создаёт демо-резидентов (один раз): обучающегося, педагога и представителя партнёра, и печатает их "
        "логины и пароли. Пароль — DEMO_RESIDENT_PASSWORD, если задан, иначе случайный для каждого, "
        "сохранённый в .demo-credentials: при следующем запуске он тот же."
    )

    def handle(self, *args, **options):
        preset = os.environ.get("DEMO_RESIDENT_PASSWORD", "")
        try:
            passwords = {resident.login: demo_password(resident.login, preset=preset) for resident in DEMO_RESIDENTS}
        except DemoCredentialsError as error:
            raise CommandError(str(error)) from error
        login_url = settings.PUBLIC_BASE_URL + reverse("residents:login")
        self.stdout.write(self.style.SUCCESS(_("Вход для резидентов: %(url)s") % {"url": login_url}))
        for membership in demo_residents_ensure(passwords=passwords):
            login = membership.user.get_username()
            line = _("Резидент %(login)s (%(role)s): пароль %(password)s")
            role = membership.get_role_display()
            self.stdout.write(self.style.SUCCESS(line % {"login": login, "role": role, "password": passwords[login]}))
