"""Wagtail's migrations name the root page and the root collection «Root»; the Russian admin shows it in every
breadcrumb and collection list. They get Russian names; ids and the tree stay as they are."""

from django.db import migrations

ROOT_PAGE = ("Root", "Все сайты")
ROOT_COLLECTION = ("Root", "Все файлы")


def rename_roots(apps, *, page: tuple[str, str], collection: tuple[str, str]) -> None:
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=page[0]).update(
        title=page[1], draft_title=page[1]
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=collection[0]).update(name=collection[1])


def to_russian(apps, schema_editor):
    rename_roots(apps, page=ROOT_PAGE, collection=ROOT_COLLECTION)


def to_english(apps, schema_editor):
    rename_roots(apps, page=ROOT_PAGE[::-1], collection=ROOT_COLLECTION[::-1])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_help_texts"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_russian, to_english)]
