"""Existing halls and exhibits take their exhibition page's language and a translation key of their own."""

import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    ExhibitionHall = apps.get_model("exhibitions", "ExhibitionHall")
    Exhibit = apps.get_model("exhibitions", "Exhibit")
    for hall in ExhibitionHall.objects.select_related("page"):
        hall.locale_id = hall.page.locale_id
        hall.translation_key = uuid.uuid4()
        hall.save(update_fields=["locale", "translation_key"])
    for exhibit in Exhibit.objects.select_related("hall__page"):
        exhibit.locale_id = exhibit.hall.page.locale_id
        exhibit.translation_key = uuid.uuid4()
        exhibit.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("exhibitions", "0003_translatable_bootstrap"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
