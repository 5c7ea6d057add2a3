"""The bank's facets: labels and counts of each facet value, in the order the page shows them."""

from dataclasses import dataclass

from django.db import connection
from django.utils.translation import gettext as _
from wagtail.models import TranslatableMixin

from bank.models.pages import academic_year_label
from bank.models.tags import BankTag
from bank.models.taxonomy import ProjectType, SubjectArea
from pages.localized import translated_values

TAG_FACET_SIZE = 20
# Facets whose values are rows of a table, chosen in the URL by slug.
SLUG_TABLES = {"subject": SubjectArea, "type": ProjectType, "tag": BankTag}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def _facet_values(rows, params: dict, name: str, label=str) -> list[FacetValue]:
    selected = str(params.get(name) or "")
    return [
        FacetValue(value=str(value), label=label(title), count=count, selected=str(value) == selected)
        for value, title, count in rows
        if count
    ]


def _labels(counts: dict[str, dict[int, int]]) -> dict[str, dict[int, tuple[str, str]]]:
    """(slug, name) of the subjects, project types and tags that have counts, in one query."""
    parts, values = [], []
    for facet, model in SLUG_TABLES.items():
        ids = list(counts[facet])
        if ids:
            # Table names come from the models; ids go in as parameters.
            parts.append(
                f"SELECT '{facet}', id, slug, name FROM {model._meta.db_table} "  # noqa: S608
                f"WHERE id IN ({', '.join(['%s'] * len(ids))})"
            )
            values += ids
    labels = {facet: {} for facet in SLUG_TABLES}
    if parts:
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), values)
            for facet, pk, slug, name in cursor.fetchall():
                labels[facet][pk] = (slug, name)
    for facet, model in SLUG_TABLES.items():  # subjects, types and tags in the reader's language
        if issubclass(model, TranslatableMixin) and labels[facet]:
            for pk, name in translated_values(model, list(labels[facet]), "name").items():
                labels[facet][pk] = (labels[facet][pk][0], name)
    return labels


def facets_of(counts: dict[str, dict[int, int]], params: dict) -> dict[str, list[FacetValue]]:
    """Each facet's values with labels and counts, the one in the URL marked: subjects and types by name,
    grades upwards, years newest first, the most frequent tags."""
    labels = _labels(counts)

    def values(facet: str, ordering) -> list[tuple[str, str, int]]:
        rows = [(*labels[facet][pk], count) for pk, count in counts[facet].items() if pk in labels[facet]]
        return sorted(rows, key=ordering)

    return {
        "subject": _facet_values(values("subject", lambda row: row[1]), params, "subject"),
        "grade": _facet_values(
            [(n, n, counts["grade"][n]) for n in sorted(counts["grade"])],
            params,
            "grade",
            lambda n: _("%(grade)s класс") % {"grade": n},
        ),
        "year": _facet_values(
            [(year, year, counts["year"][year]) for year in sorted(counts["year"], reverse=True) if year],
            params,
            "year",
            academic_year_label,
        ),
        "type": _facet_values(values("type", lambda row: row[1]), params, "type"),
        "tag": _facet_values(values("tag", lambda row: (-row[2], row[1]))[:TAG_FACET_SIZE], params, "tag"),
    }
