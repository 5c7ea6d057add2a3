"""Existing support topics become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0005_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("support.SupportTopic"),
    ]
