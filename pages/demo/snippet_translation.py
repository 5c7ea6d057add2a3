"""The English version of a demo snippet (an event, a format, a subject, a person), made through
wagtail-localize as an editor makes it with a PO file: the same steps as `pages.demo.translation` for pages.

The English texts of an area live in `<app>/demo/english.yaml`, a flat mapping «Russian string: English
string» (the PO file's msgids and msgstrs).
"""

import html
import re

from django.db.models import Model
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

from pages.demo.english import english_strings
from pages.demo.english_documents import override_documents
from pages.demo.loading import Report


def _plain_text(msgid: str) -> str:
    """A plain text field's string as its editor wrote it: wagtail-localize exports its lines joined by <br>."""
    lines = re.split(r"<br\s*/?>", msgid)
    return html.unescape("\n".join(lines)) if len(lines) > 1 else ""


def ensure_english_snippet(instance: Model, *, strings: dict[str, str], report: Report | None = None) -> bool:
    """Translates the snippet `instance` into English with the strings found in `strings` (Russian: English)
    and publishes the translation, unless it has one; strings without an English version keep the Russian
    text until an editor translates them. True when a translation was made."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    if instance.get_translation_or_none(english) is not None:
        return False
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=english)
    po_file = translation.export_po()
    for entry in po_file:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        elif (text := _plain_text(entry.msgid)) and text in strings:  # a text of several lines (a format's checklist)
            entry.msgstr = StringValue.from_plaintext(strings[text]).data
    translation.import_po(po_file)
    override_documents(source, english, strings)
    translation.save_target(publish=True)
    if report is not None:
        report(f"Английская версия «{instance}» опубликована")
    return True


def ensure_english_snippets(instances, *, package: str, report: Report) -> None:
    """Every snippet of `instances` in English, with the texts of the area `package`."""
    strings = english_strings(package)
    made = sum(ensure_english_snippet(instance, strings=strings) for instance in instances)
    if made:
        report(f"Английских версий фрагментов ({package.split('.')[0]}) опубликовано: {made}")
