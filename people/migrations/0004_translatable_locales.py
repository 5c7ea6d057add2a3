"""Existing people become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("people.Person"),
    ]
