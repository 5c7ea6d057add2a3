"""Existing project stages become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("projects.Stage"),
    ]
