"""Existing meeting rooms become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("meetings.MeetingRoom"),
    ]
