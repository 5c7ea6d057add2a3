"""Existing questions take their survey page's language and a translation key. A question of an English copy of a
survey gets the key of the Russian question with the same answer key (`clean_name`), so that wagtail-localize
sees the two as one question in two languages: the key is derived from the page's translation key and the
answer key."""

import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    # Read as values: the historical survey page keeps Wagtail's form mixin, which cannot be instantiated here.
    SurveyField = apps.get_model("surveys", "SurveyField")
    rows = SurveyField.objects.order_by("pk").values_list(
        "pk", "page__locale_id", "page__translation_key", "clean_name"
    )
    taken = set()
    for pk, locale_id, page_key, clean_name in rows:
        key = uuid.uuid5(page_key, clean_name) if page_key and clean_name else uuid.uuid4()
        if (key, locale_id) in taken:  # the same answer key twice on one page: the later one stands alone
            key = uuid.uuid4()
        taken.add((key, locale_id))
        SurveyField.objects.filter(pk=pk).update(locale_id=locale_id, translation_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0003_translatable_bootstrap"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
