"""Existing questions take their survey page's language and a translation key of their own."""

import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    SurveyField = apps.get_model("surveys", "SurveyField")
    for question in SurveyField.objects.select_related("page"):
        question.locale_id = question.page.locale_id
        question.translation_key = uuid.uuid4()
        question.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_translatable_bootstrap"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
