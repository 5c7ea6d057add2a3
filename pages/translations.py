"""Reads on the English version of the site: what has no English yet, and what is still in Russian.

A string of a translation is taken as untranslated while it still has Cyrillic letters: wagtail-localize
keeps the Russian source where a string has no translation (synced translations, the demo's English), and an
editor who copies a page by hand starts from the Russian text too. The strings are the segments
wagtail-localize extracts, read from the latest revision, so a draft's progress counts.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Model
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
TARGET_LANGUAGE = "en"


def untranslated_strings(instance: Model) -> int:
    """How many of the strings of a translated page or snippet are still in Russian."""
    if isinstance(instance, Page):
        instance = instance.specific
        if instance.latest_revision_id:
            instance = instance.get_latest_revision_as_object()
    return sum(
        1
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue) and CYRILLIC.search(segment.string.data)
    )


@dataclass
class MissingTranslation:
    """A line of the report: a page or snippet without a finished English version."""

    kind: str
    title: str
    status: str
    untranslated: int | None
    edit_url: str = ""

    @property
    def url(self) -> str:
        return self.edit_url


def translatable_snippet_models() -> list[type[Model]]:
    """Every model shown to visitors that can be translated (TranslatableMixin), pages apart."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page) and not model._meta.abstract
    ]


def _status(instance: Model, english: Model | None) -> tuple[str, int | None]:
    if english is None:
        return str(_("Нет английской версии")), None
    untranslated = untranslated_strings(english)
    if isinstance(english, DraftStateMixin) and not english.live:
        return str(_("Английская версия — черновик")), untranslated
    if untranslated:
        return str(_("Есть непереведённые строки")), untranslated
    return "", 0


def _page_rows(source: Locale, target: Locale) -> list[MissingTranslation]:
    translated = {page.translation_key: page for page in Page.objects.filter(locale=target).exclude(depth=1).specific()}
    rows = []
    for page in Page.objects.filter(locale=source).exclude(depth=1).live().order_by("path").specific():
        status, untranslated = _status(page, translated.get(page.translation_key))
        if status:
            english = translated.get(page.translation_key)
            edit = reverse("wagtailadmin_pages:edit", args=[(english or page).pk])
            kind = str(page.specific_class._meta.verbose_name)
            rows.append(MissingTranslation(kind, page.title, status, untranslated, edit))
    return rows


def _snippet_rows(source: Locale, target: Locale) -> list[MissingTranslation]:
    rows = []
    for model in translatable_snippet_models():
        translated = {item.translation_key: item for item in model._default_manager.filter(locale=target)}
        for item in model._default_manager.filter(locale=source):
            status, untranslated = _status(item, translated.get(item.translation_key))
            if status:
                rows.append(MissingTranslation(str(model._meta.verbose_name), str(item), status, untranslated))
    return rows


def translations_missing() -> list[MissingTranslation]:
    """Pages and snippets of the site's language with no English version, a draft one, or Russian strings left."""
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    target = Locale.objects.filter(language_code=TARGET_LANGUAGE).first()
    if source is None or target is None:
        return []
    rows = _page_rows(source, target) + _snippet_rows(source, target)
    # What has no English at all first, then drafts, then what is published with Russian left; stable otherwise.
    order = {str(_("Нет английской версии")): 0, str(_("Английская версия — черновик")): 1}
    return sorted(rows, key=lambda row: order.get(row.status, 2))
