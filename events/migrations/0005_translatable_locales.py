"""Existing events and formats become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("events.Event"),
        BootstrapTranslatableModel("events.EventFormat"),
        BootstrapTranslatableModel("events.EventFormatStep"),
        BootstrapTranslatableModel("events.EventFormatRole"),
    ]
