"""The English version of the demo's pages, from the areas' `<app>/demo/english.yaml` files.

Each file is a flat mapping `Russian string: English string`, keyed by the strings wagtail-localize
extracts from a page (the msgids of its PO export; rich text as wagtail-localize writes it, with `<a id="a1">`
for links). The English page is made from wagtail-localize's own segments, extracted from the Russian page and
ingested into its copy for translation, as its translation editor does — but in memory: building the
segment tables for the demo's hundred pages took a minute. A string without English keeps the Russian
text; the report of missing translations (pages.translation_report) lists such pages. An editor can turn
such an English page into a synced translation with wagtail-localize's «Convert to synced translation».
"""

from django.db.models import OuterRef, Q, Subquery
from modelcluster.models import ClusterableModel, get_all_child_relations
from wagtail.blocks import Block, ListBlock, PageChooserBlock, StreamBlock, StructBlock
from wagtail.coreutils import find_available_slug
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail_localize.segments import OverridableSegmentValue, RelatedObjectSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from pages.demo.english import english_strings
from pages.demo.english_documents import chooses_a_document, english_document
from pages.demo.loading import Report


def _related_is_translated(segment: RelatedObjectSegmentValue, locale: Locale) -> bool:
    model = segment.content_type.model_class()
    return model._default_manager.filter(translation_key=segment.translation_key, locale=locale).exists()


def translated_segments(page: Page, *, strings: dict[str, str], locale: Locale) -> tuple[list, int]:
    """The page's segments with their English (the Russian source where none is given), and how many lack it.

    A link to a snippet keeps the Russian snippet until the snippet is translated."""
    segments, missing = [], 0
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            english = strings.get(segment.string.data)
            if english is None:
                missing += 1
            else:
                segment = StringSegmentValue(segment.path, StringValue(english), attrs=segment.attrs).with_order(
                    segment.order
                )
        elif isinstance(segment, RelatedObjectSegmentValue) and not _related_is_translated(segment, locale):
            continue
        elif isinstance(segment, OverridableSegmentValue) and chooses_a_document(segment.path):
            if (copy := english_document(segment.data, strings)) is not None:
                segment = OverridableSegmentValue(segment.path, copy).with_order(segment.order)
        segments.append(segment)
    return segments, missing


def _english_links(block: Block, value, english_of: dict[int, Page], unresolved: list) -> object:
    """The value with its chosen pages replaced by their English versions where they exist (wagtail-localize
    keeps the Russian page, so an English page's links would lead back to Russian); pages without an English
    version yet are noted in `unresolved`."""
    if isinstance(block, PageChooserBlock):
        if value is not None and value.locale_id != english_of.get("locale_id"):
            if value.pk in english_of:
                return english_of[value.pk]
            unresolved.append(value.pk)
        return value
    if isinstance(block, StreamBlock):
        for child in value:
            child.value = _english_links(child.block, child.value, english_of, unresolved)
    elif isinstance(block, ListBlock):
        for index, item in enumerate(list(value)):
            value[index] = _english_links(block.child_block, item, english_of, unresolved)
    elif isinstance(block, StructBlock) and value is not None:
        for name, child_block in block.child_blocks.items():
            value[name] = _english_links(child_block, value.get(name), english_of, unresolved)
    return value


def link_english_pages(translation: Page, english_of: dict) -> bool:
    """Points the translation's chosen pages at their English versions; True if some have none yet."""
    unresolved: list[int] = []
    for field in translation._meta.get_fields():
        if isinstance(field, StreamField):
            value = getattr(translation, field.name)
            setattr(translation, field.name, _english_links(field.stream_block, value, english_of, unresolved))
    return bool(unresolved)


def ensure_english_translation(
    page: Page, *, strings: dict[str, str], english: Locale, english_of: dict | None = None
) -> Page | None:
    """Publishes the English version of `page` (whose parent has one), unless it exists; None if it did.

    `english_of` maps Russian page ids to their English pages, for the links of the page."""
    page = page.specific
    if page.get_translation_or_none(english):
        return None
    segments, _missing = translated_segments(page, strings=strings, locale=english)
    translation = page.copy_for_translation(english, copy_parents=True)
    _children_in_memory(translation)
    ingest_segments(page, translation, page.locale, english, segments)
    # The slug is a segment too: a home page's copy beside the Russian one under the root needs its own.
    translation.slug = find_available_slug(translation.get_parent(), translation.slug, ignore_page_id=translation.pk)
    translation.links_pending = link_english_pages(translation, english_of or {"locale_id": english.pk})
    translation.save()
    translation.save_revision(clean=False).publish(skip_permission_checks=True)
    return translation


def _children_in_memory(instance) -> None:
    """Holds the copy's child rows (a hall and its exhibits) in memory, as wagtail-localize's own translation
    does: ingesting changes them there, and saving the page writes them; read from the database, the changes
    would be lost and the English page keep the Russian texts of its children."""
    for relation in get_all_child_relations(instance):
        name = relation.get_accessor_name()
        children = list(getattr(instance, name).all())
        for child in children:
            if isinstance(child, ClusterableModel):
                _children_in_memory(child)
        setattr(instance, name, children)


def pages_to_translate(*, home: Page, english: Locale) -> list[Page]:
    """The live pages of the home's tree in its language without an English version, parents first."""
    translated = Page.objects.filter(locale=english).values("translation_key")
    return list(
        Page.objects.descendant_of(home, inclusive=True)
        .live()
        .filter(locale=home.locale)
        .filter(~Q(translation_key__in=translated))
        .order_by("path")
        .specific()
    )


def load_demo(*, home: Page, report: Report) -> None:
    """Every demo page in English under /en/; pages already in English are left as their editors left them."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    strings = english_strings()
    english_of: dict = {"locale_id": english.pk}
    sources = Page.objects.filter(translation_key=OuterRef("translation_key"), locale=home.locale_id).values("pk")
    existing = Page.objects.filter(locale=english).annotate(source_id=Subquery(sources[:1]))
    english_of.update({page.source_id: page for page in existing})
    made = []
    for page in pages_to_translate(home=home, english=english):
        translation = ensure_english_translation(page, strings=strings, english=english, english_of=english_of)
        if translation:
            english_of[page.pk] = translation
            made.append(translation)
    # Pages that link to pages translated after them (the landing links to every area) link them now.
    for translation in made:
        if translation.links_pending:
            fresh = translation.specific_class.objects.get(pk=translation.pk)  # its tree fields moved meanwhile
            if not link_english_pages(fresh, english_of):
                fresh.save_revision(clean=False).publish(skip_permission_checks=True)
    count = len(made)
    if count:
        report(f"Английских версий страниц опубликовано: {count}")
