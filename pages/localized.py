"""Translatable snippets (events, formats, subjects, people) in the reader's language.

Every list, link, filter, registration and foreign key uses the Russian rows, the sources of the translations
(the default locale): a list never shows an object twice, and a reader of the English site registers for the
same event as a reader of the Russian one. A translation only lends its source its texts: `localize` copies the
translated fields of the live translation into the active language onto the Russian objects, in place; an
object without one keeps its Russian texts. Under the Russian site nothing is read and nothing changes.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Model, OuterRef, QuerySet, Subquery, prefetch_related_objects
from django.utils import translation
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail_localize.fields import TranslatableField, get_translatable_fields


def sources(queryset: QuerySet) -> QuerySet:
    """The rows in the default language: one per object however many translations it has."""
    return queryset.filter(locale__language_code=settings.LANGUAGE_CODE)


def translated_language() -> str | None:
    """The active language when it is not the default one (the language translations are read in), else None."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    return None if language == settings.LANGUAGE_CODE else language


def _translated(model) -> tuple[list[str], list[str]]:
    """The model's translated fields: (its own text fields, its translated child relations)."""
    fields, children = [], []
    for item in get_translatable_fields(model):
        if not isinstance(item, TranslatableField):
            continue
        field = model._meta.get_field(item.field_name)
        (children if field.one_to_many else fields).append(item.field_name)
    return fields, children


def _lend(translation_: Model, source: Model, children: list[str]) -> None:
    for name in _translated(type(source))[0]:
        setattr(source, name, getattr(translation_, name))
    for name in children:
        translated = {child.translation_key: child for child in getattr(translation_, name).all()}
        for child in getattr(source, name).all():
            if child.translation_key in translated:
                _lend(translated[child.translation_key], child, [])


def _prefetched(item, name: str) -> bool:
    return name in getattr(item, "_prefetched_objects_cache", {})


def localize(objects: list, *, children: tuple[str, ...] = ()) -> list:
    """Gives each object the texts of its live translation into the active language (one query per model);
    returns the same objects. Translated child relations (a format's steps) are lent too when they are
    prefetched with the objects or named in `children` (one more query each)."""
    language = translated_language()
    objects = [item for item in objects if isinstance(item, TranslatableMixin)]
    if language is None or not objects:
        return objects
    groups = defaultdict(list)
    for item in objects:
        if children or getattr(item, "_localized_in", None) != language:  # an object is read in a language once
            item._localized_in = language
            groups[type(item)].append(item)
    for model, items in groups.items():
        translations = model._default_manager.filter(
            translation_key__in={item.translation_key for item in items}, locale__language_code=language
        )
        if issubclass(model, DraftStateMixin):
            translations = translations.filter(live=True)
        lent = [name for name in _translated(model)[1] if name in children or _prefetched(items[0], name)]
        found = {item.translation_key: item for item in translations.prefetch_related(*lent)}
        present = [item for item in items if item.translation_key in found]
        if lent and present:
            prefetch_related_objects(present, *lent)
        for item in present:
            _lend(found[item.translation_key], item, lent)
    return objects


def localized(item):
    """One object with the texts of its translation into the active language (see `localize`)."""
    localize([item])
    return item


def localize_related(objects: list, *names: str) -> list:
    """Localizes the snippets the objects reach through the foreign keys or the prefetched many-to-many
    relations `names` (one query per snippet model); returns the objects."""
    related = []
    for item in objects:
        for name in names:
            value = getattr(item, name)
            related.extend(value.all() if hasattr(value, "all") else [value])
    localize(related)
    return objects


class _Localizing:
    """Mixed into a queryset's class by `localizing`: the rows are localized when the queryset is read."""

    localized_related: tuple[str, ...] = ()

    def _clone(self):
        clone = super()._clone()
        clone.localized_related = self.localized_related
        return clone

    def iterator(self, chunk_size=None):
        # A form's choices are read this way; snippet tables are small, so the rows are read at once.
        rows = list(super().iterator(chunk_size) if chunk_size else super().iterator())
        if rows and isinstance(rows[0], Model):
            localize(rows)
            localize([getattr(item, name) for item in rows for name in self.localized_related])
        yield from rows

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._result_cache and isinstance(self._result_cache[0], Model):
            localize(self._result_cache)
            localize([getattr(item, name) for item in self._result_cache for name in self.localized_related])


_LOCALIZING_CLASSES: dict[type, type] = {}


def localizing(queryset: QuerySet, *, related: tuple[str, ...] = ()) -> QuerySet:
    """The queryset's Russian source rows, each localized (see `localize`) when the queryset is read, after any
    filter, slice or pagination; so are the objects of the foreign keys named in `related` (select them with
    the rows). Rows of a model that is not translated are all kept, and only their `related` are localized."""
    cls = type(queryset)
    if not issubclass(cls, _Localizing):
        cls = _LOCALIZING_CLASSES.setdefault(cls, type(f"Localizing{cls.__name__}", (_Localizing, cls), {}))
    translated = issubclass(queryset.model, TranslatableMixin)
    clone = (sources(queryset) if translated else queryset)._chain()
    clone.__class__ = cls
    clone.localized_related = related
    return clone


def translated_values(model: type[Model], ids, field: str) -> dict[int, str]:
    """{source id: the field's value in its live translation into the active language}, for the ids that have
    one (in one query; none under the Russian site). For lists read as values, such as the bank's facets."""
    language = translated_language()
    if language is None or not ids:
        return {}
    translations = model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language
    )
    rows = model._default_manager.filter(pk__in=ids).annotate(translated=Subquery(translations.values(field)[:1]))
    return {pk: value for pk, value in rows.values_list("pk", "translated") if value is not None}
