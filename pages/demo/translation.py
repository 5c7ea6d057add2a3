"""The English version of a demo page, made through wagtail-localize as an editor makes it with a PO file."""

from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from pages.demo.loading import Report


def ensure_english_translation(page: Page, *, strings: dict[str, str], report: Report) -> None:
    """Publishes `page` in English, translating its strings found in `strings` (Russian: English).

    Strings without an English version fall back to the Russian source until an editor translates them.
    """
    english, _ = Locale.objects.get_or_create(language_code="en")
    if page.get_translation_or_none(english):
        return
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    po_file = translation.export_po()
    for entry in po_file:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
    translation.import_po(po_file)
    translation.save_target(publish=True)
    report(f"Английская версия «{page.title}» опубликована")
