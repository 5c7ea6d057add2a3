"""The solutions' tags (taggit's shared `Tag`) become the Russian `BankTag` rows, under the same ids: the search
rows' facet keys, which hold the tag ids, stay right. Taggit's rows are left to the images and documents.
(Going back, 0011 gives taggit the tags made since.)"""

import uuid

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def copy_tags(apps, schema_editor):
    SolutionTag = apps.get_model("bank", "SolutionTag")
    Tag = apps.get_model("taggit", "Tag")
    BankTag = apps.get_model("bank", "BankTag")
    Locale = apps.get_model("wagtailcore", "Locale")
    tags = Tag.objects.filter(pk__in=SolutionTag.objects.values("tag_id")).order_by("pk")
    if not tags.exists():
        return
    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    BankTag.objects.bulk_create(
        BankTag(pk=tag.pk, name=tag.name, slug=tag.slug, locale=locale, translation_key=uuid.uuid4()) for tag in tags
    )
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [BankTag]):
            cursor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("bank", "0009_banktag"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(copy_tags, migrations.RunPython.noop)]  # back: see 0011
