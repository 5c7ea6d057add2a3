"""Translatable snippets (events, formats, subjects, people) in the reader's language.

Every list, link, filter, registration and foreign key uses the Russian rows, the sources of the translations
(the default locale): a list never shows an object twice, and a reader of the English site registers for the
same event as a reader of the Russian one. A translation only lends its source its texts: `localize` copies the
translated fields of the live translation into the active language onto the Russian objects, in place; an
object without one keeps its Russian texts. Under the Russian site nothing is read and nothing changes.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Model, OuterRef, QuerySet, Subquery, prefetch_related_objects
from django.db.models.functions import Coalesce
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


def _translations_of(model, key: str, language: str) -> QuerySet:
    """The live translation into `language` of the row whose translation key is the outer query's `key`."""
    translations = model._default_manager.filter(translation_key=OuterRef(key), locale__language_code=language)
    return translations.filter(live=True) if issubclass(model, DraftStateMixin) else translations


def _alias(path: str, name: str) -> str:
    return f"_translated_{path.replace('__', '_0_')}_{name}"


def _related_model(model, path: str):
    """The model at the end of the foreign keys `path` ("room__host": a booking's room's host)."""
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


def _related_object(row, path: str):
    for name in path.split("__") if path else ():
        row = getattr(row, name)
        if row is None:
            break
    return row


def _annotations(model, path: str, language: str) -> dict[str, Subquery]:
    """The translated texts of the rows (path "") or of their foreign key `path` (followed through several,
    "room__host"), as subqueries of the query that reads them: a list costs no query more in English than in
    Russian."""
    prefix = f"{path}__" if path else ""
    translations = _translations_of(model, f"{prefix}translation_key", language)
    return {_alias(path, name): Subquery(translations.values(name)[:1]) for name in _translated(model)[0]}


def _lend_annotated(rows: list, related: tuple[str, ...], *, rows_too: bool) -> None:
    for path in ("", *related) if rows_too else related:
        for row in rows:
            target = _related_object(row, path)
            if target is None:
                continue
            for name in _translated(type(target))[0]:
                value = getattr(row, _alias(path, name), None)
                if value is not None:
                    setattr(target, name, value)
            target._localized_in = translation.get_language()


class _Localizing:
    """Mixed into a queryset's class by `localizing`: the rows are localized when the queryset is read."""

    localized_rows = True
    localized_related: tuple[str, ...] = ()

    def _clone(self):
        clone = super()._clone()
        clone.localized_rows, clone.localized_related = self.localized_rows, self.localized_related
        return clone

    def _localize(self, rows: list) -> None:
        if not rows or not isinstance(rows[0], Model) or translated_language() is None:
            return
        _lend_annotated(rows, self.localized_related, rows_too=self.localized_rows)
        if self.localized_rows and any(_prefetched(rows[0], name) for name in _translated(type(rows[0]))[1]):
            for row in rows:
                row._localized_in = None
            localize(rows)  # their prefetched children (a format's steps): one query more

    def iterator(self, chunk_size=None):
        # A form's choices are read this way; snippet tables are small, so the rows are read at once.
        rows = list(super().iterator(chunk_size) if chunk_size else super().iterator())
        self._localize(rows)
        yield from rows

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh:
            self._localize(self._result_cache)


_LOCALIZING_CLASSES: dict[type, type] = {}


def localizing(queryset: QuerySet, *, related: tuple[str, ...] = (), rows: bool = True) -> QuerySet:
    """The queryset's Russian source rows in the reader's language: the texts of their live translations, and
    those of the objects of the foreign keys named in `related` (translatable snippets), are read in the same
    query and lent to the rows when the queryset is read, after any filter, slice or pagination (a path through
    several foreign keys, "room__host", names the object at its end; select it with the rows). Rows of a
    model that is not translated (or pages, `rows=False`) are all kept, and only their `related` are
    localized."""
    cls = type(queryset)
    if not issubclass(cls, _Localizing):
        cls = _LOCALIZING_CLASSES.setdefault(cls, type(f"Localizing{cls.__name__}", (_Localizing, cls), {}))
    model = queryset.model
    translated = rows and issubclass(model, TranslatableMixin)
    queryset = sources(queryset) if translated else queryset
    language = translated_language()
    if language is not None:
        annotations = _annotations(model, "", language) if translated else {}
        for path in related:
            annotations |= _annotations(_related_model(model, path), path, language)
        queryset = queryset.annotate(**annotations)
    clone = queryset._chain()
    clone.__class__ = cls
    clone.localized_rows, clone.localized_related = translated, related
    return clone


def text_in_reading_language(model: type[Model], path: str, field: str):
    """An expression of a query's rows: the text `field` of the translatable `model` reached by `path` ("" for
    the rows themselves), from its live translation into the active language where it has one, else the
    Russian text (for rows read as values or JSON; a plain column under the Russian site)."""
    prefix = f"{path}__" if path else ""
    language = translated_language()
    if language is None:
        return F(f"{prefix}{field}")
    translations = _translations_of(model, f"{prefix}translation_key", language)
    return Coalesce(Subquery(translations.values(field)[:1]), F(f"{prefix}{field}"))


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
