"""Wagtail's editors and moderators (in this project «Редакторы» and «Модераторы», see pages 0003) run the
expert evaluation: they edit rubrics and experts (snippets), assign experts, publish results and read the
reviews. Without these permissions only superusers could; reviews themselves stay the experts' (view only)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Редакторы", "Модераторы", "Editors", "Moderators")
PERMISSIONS = {
    "rubric": ("add", "change", "delete", "view"),
    "criterion": ("add", "change", "delete", "view"),
    "expert": ("add", "change", "delete", "view"),
    "experttie": ("add", "change", "delete", "view"),
    "assignment": ("add", "change", "delete", "view"),
    "result": ("add", "change", "delete", "view"),
    "review": ("view",),
    "score": ("view",),
}


def _permissions(apps):
    """The reviews app's permissions, created now: Django creates them only after all migrations have run."""
    config = apps.get_app_config("reviews")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items() for action in actions]
    return permission.objects.filter(content_type__app_label="reviews", codename__in=codenames)


def grant(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("pages", "0003_russian_workflow_and_group_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
