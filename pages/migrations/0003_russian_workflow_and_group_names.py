"""Wagtail's migrations create the groups «Moderators» and «Editors» and the workflow «Moderators approval»
in English; the Russian admin then reads «Отправить в "Moderators approval"». They get Russian names; ids,
permissions and links stay as they are."""

from django.db import migrations

GROUPS = {"Moderators": "Модераторы", "Editors": "Редакторы"}
WORKFLOWS = {"Moderators approval": "Согласование публикации"}
TASKS = {"Moderators approval": "Проверка модератором"}


def rename(model, names: dict[str, str], field: str = "name") -> None:
    for old, new in names.items():
        if not model.objects.filter(**{field: new}).exists():
            model.objects.filter(**{field: old}).update(**{field: new})


def to_russian(apps, schema_editor):
    rename(apps.get_model("auth", "Group"), GROUPS)
    rename(apps.get_model("wagtailcore", "Workflow"), WORKFLOWS)
    rename(apps.get_model("wagtailcore", "Task"), TASKS)


def to_english(apps, schema_editor):
    rename(apps.get_model("auth", "Group"), {new: old for old, new in GROUPS.items()})
    rename(apps.get_model("wagtailcore", "Workflow"), {new: old for old, new in WORKFLOWS.items()})
    rename(apps.get_model("wagtailcore", "Task"), {new: old for old, new in TASKS.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_landing_current_exhibitions"),
        ("wagtailcore", "0048_add_default_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(to_russian, to_english)]
