"""Existing subjects and project types become the Russian (default locale) sources of their translations."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [
        ("bank", "0005_translatable_bootstrap"),
    ]

    operations = [
        BootstrapTranslatableModel("bank.SubjectArea"),
        BootstrapTranslatableModel("bank.ProjectType"),
    ]
