"""manage.py create_demo_residents: demo accounts of each tier, with their credentials printed."""

import datetime
import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from residents.models import Membership, Partner, Tier
from residents.roles import Role

DEMO = [
    ("demo-student", "Мария", "Демонстрационная", Tier.INTERNAL, Role.STUDENT, "9Б"),
    ("demo-teacher", "Ольга", "Демонстрационная", Tier.INTERNAL, Role.TEACHER, ""),
    ("demo-partner", "Андрей", "Демонстрационный", Tier.EXTERNAL, Role.REPRESENTATIVE, ""),
]


class Command(BaseCommand):
    help = (
        "Creates (or resets) demo residents: a student, a teacher and a partner's representative, and prints "
        "their logins. The password is DEMO_RESIDENT_PASSWORD when set, otherwise a new random one."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        password = os.environ.get("DEMO_RESIDENT_PASSWORD") or secrets.token_urlsafe(12)
        today = timezone.localdate()
        partner, _ = Partner.objects.get_or_create(
            contract_number="ДП-2026/01",
            defaults={
                "name": "АНО «Городской центр технологического творчества»",
                "contract_start": today - datetime.timedelta(days=30),
                "contract_end": today + datetime.timedelta(days=365),
            },
        )
        User = get_user_model()
        for username, first_name, last_name, tier, role, school_class in DEMO:
            user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@localhost"})
            user.first_name, user.last_name = first_name, last_name
            user.set_password(password)
            user.save()
            Membership.objects.update_or_create(
                user=user,
                defaults={
                    "tier": tier,
                    "role": role,
                    "school_class": school_class,
                    "partner": partner if tier == Tier.EXTERNAL else None,
                },
            )
        logins = ", ".join(username for username, *_rest in DEMO)
        self.stdout.write(self.style.SUCCESS(f"Резиденты (вход: /account/login/): {logins}; пароль {password}"))
