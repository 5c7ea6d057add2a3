"""Reads of the bank search: results, facet counts and suggestions, only over what the visitor may see."""

from dataclasses import dataclass, field

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from taggit.models import Tag

from bank.models import ProjectType, SolutionPage, SolutionTag, SubjectArea
from bank.models.pages import academic_year_label
from bank.selectors import CARD_RENDITION, visible_solutions, with_card_data
from residents.selectors import User
from search import engine
from search.highlight import has_match, highlight
from search.normalize import normalize
from search.normalize import words as fold_words

GRADE_RANGE = range(1, 12)
TAG_FACET_SIZE = 20
COVER_RENDITION = CARD_RENDITION


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class BankResults:
    count: int
    page: PaginatorPage
    facets: dict[str, list[FacetValue]]
    query_stems: set[str] = field(default_factory=set)

    @property
    def results(self) -> list[SolutionPage]:
        return list(self.page.object_list)


def _apply_filters(queryset: QuerySet, params: dict) -> QuerySet:
    if params.get("subject"):
        queryset = queryset.filter(subjects__slug=params["subject"])
    if params.get("grade"):
        queryset = queryset.filter(grade_from__lte=params["grade"], grade_to__gte=params["grade"])
    if params.get("year"):
        queryset = queryset.filter(academic_year=params["year"])
    if params.get("type"):
        queryset = queryset.filter(project_type__slug=params["type"])
    if params.get("tag"):
        queryset = queryset.filter(tagged_items__tag__slug=params["tag"])
    return queryset


def _facet_values(rows, params: dict, name: str, label=str) -> list[FacetValue]:
    selected = str(params.get(name) or "")
    return [
        FacetValue(value=str(value), label=label(title), count=count, selected=str(value) == selected)
        for value, title, count in rows
        if count
    ]


def _facet_sql() -> str:
    """One statement for every facet: the matches are computed once (a CTE) and counted five ways."""
    subjects = SolutionPage.subjects.through._meta.db_table
    grades = " UNION ALL ".join(f"SELECT {n} AS n" for n in GRADE_RANGE)
    tables = {
        "page": SolutionPage._meta.db_table,
        "subject": SubjectArea._meta.db_table,
        "type": ProjectType._meta.db_table,
        "tagged": SolutionTag._meta.db_table,
        "tag": Tag._meta.db_table,
    }
    # Table names come from the models and the ids' SQL from Django; values go in as parameters.
    return (
        "WITH m AS ({ids}) "  # noqa: S608
        f"SELECT 'subject', s.slug, s.name, COUNT(*) FROM {subjects} t JOIN {tables['subject']} s "
        "ON s.id = t.subjectarea_id WHERE t.solutionpage_id IN (SELECT pk FROM m) GROUP BY s.slug, s.name "
        "UNION ALL SELECT 'year', CAST(p.academic_year AS TEXT), CAST(p.academic_year AS TEXT), COUNT(*) "
        f"FROM {tables['page']} p WHERE p.page_ptr_id IN (SELECT pk FROM m) GROUP BY p.academic_year "
        f"UNION ALL SELECT 'type', y.slug, y.name, COUNT(*) FROM {tables['page']} p JOIN {tables['type']} y "
        "ON y.id = p.project_type_id WHERE p.page_ptr_id IN (SELECT pk FROM m) GROUP BY y.slug, y.name "
        f"UNION ALL SELECT 'grade', CAST(g.n AS TEXT), CAST(g.n AS TEXT), COUNT(*) FROM {tables['page']} p "
        f"JOIN ({grades}) g ON p.grade_from <= g.n AND p.grade_to >= g.n "
        "WHERE p.page_ptr_id IN (SELECT pk FROM m) GROUP BY g.n "
        f"UNION ALL SELECT 'tag', a.slug, a.name, COUNT(*) FROM {tables['tagged']} t JOIN {tables['tag']} a "
        "ON a.id = t.tag_id WHERE t.content_object_id IN (SELECT pk FROM m) GROUP BY a.slug, a.name"
    )


def _facet_counts_separately(ids: QuerySet, params: dict) -> dict[str, list[FacetValue]]:
    """Each facet value with the number of matching solutions; `ids` is a subquery of visible matches."""
    scope = SolutionPage.objects.filter(pk__in=ids)
    subjects = (
        SolutionPage.subjects.through.objects.filter(solutionpage_id__in=ids)
        .values_list("subjectarea__slug", "subjectarea__name")
        .annotate(count=Count("solutionpage_id"))
        .order_by("subjectarea__name")
    )
    grades = scope.aggregate(
        **{f"g{n}": Count("pk", filter=Q(grade_from__lte=n, grade_to__gte=n)) for n in GRADE_RANGE}
    )
    years = scope.values_list("academic_year", "academic_year").annotate(count=Count("pk")).order_by("-academic_year")
    types = (
        scope.values_list("project_type__slug", "project_type__name")
        .annotate(count=Count("pk"))
        .order_by("project_type__name")
    )
    tags = (
        SolutionTag.objects.filter(content_object_id__in=ids)
        .values_list("tag__slug", "tag__name")
        .annotate(count=Count("content_object_id"))
        .order_by("-count", "tag__name")[:TAG_FACET_SIZE]
    )
    return {
        "subject": _facet_values(subjects, params, "subject"),
        "grade": _facet_values(
            [(n, n, grades[f"g{n}"]) for n in GRADE_RANGE],
            params,
            "grade",
            lambda n: _("%(grade)s класс") % {"grade": n},
        ),
        "year": _facet_values(years, params, "year", academic_year_label),
        "type": _facet_values([row for row in types if row[0]], params, "type"),
        "tag": _facet_values(tags, params, "tag"),
    }


def facet_counts(ids: QuerySet, params: dict, *, one_statement: bool = True) -> dict[str, list[FacetValue]]:
    """Each facet value with the number of matching solutions; `ids` is a subquery of visible matches.

    With a full-text query the matches are computed once for all facets (one statement); browsing the
    whole bank, five plain aggregates are faster than materialising every solution.
    """
    if not one_statement:
        return _facet_counts_separately(ids, params)
    ids_sql, ids_params = ids.query.sql_with_params()
    rows = {"subject": [], "year": [], "type": [], "grade": [], "tag": []}
    with connection.cursor() as cursor:
        cursor.execute(_facet_sql().replace("{ids}", ids_sql), ids_params)
        for facet, value, label, count in cursor.fetchall():
            rows[facet].append((value, label, count))
    tags = sorted(rows["tag"], key=lambda row: (-row[2], row[1]))[:TAG_FACET_SIZE]
    return {
        "subject": _facet_values(sorted(rows["subject"], key=lambda row: row[1]), params, "subject"),
        "grade": _facet_values(
            sorted(rows["grade"], key=lambda row: int(row[0])),
            params,
            "grade",
            lambda n: _("%(grade)s класс") % {"grade": n},
        ),
        "year": _facet_values(
            sorted(rows["year"], key=lambda row: -int(row[0])),
            params,
            "year",
            lambda year: academic_year_label(int(year)),
        ),
        "type": _facet_values(sorted(rows["type"], key=lambda row: row[1]), params, "type"),
        "tag": _facet_values(tags, params, "tag"),
    }


def _ranked_page(matches: QuerySet, found: engine.Match, *, per_page: int, number) -> PaginatorPage:
    """One page of the visible, filtered matches in order of relevance, fetched in a constant number of queries."""
    allowed = set(matches.values_list("pk", flat=True))
    ordered = [pk for pk in found.ranked(engine.RANK_LIMIT) if pk in allowed]
    if len(ordered) < len(allowed):
        ordered += sorted(allowed.difference(ordered), reverse=True)
    page = Paginator(ordered, per_page).get_page(number)
    by_id = {solution.pk: solution for solution in with_card_data(SolutionPage.objects.filter(pk__in=page.object_list))}
    page.object_list = [by_id[pk] for pk in page.object_list if pk in by_id]
    return page


def search_solutions(*, user: User, params: dict, per_page: int = 12, within=None) -> BankResults:
    """The bank search: query, facet filters, facet counts, sorting and one page of results.

    The number of SQL queries does not depend on the number of solutions or results.
    """
    query = normalize(params.get("q") or "")
    by_relevance = bool(query) and params.get("sort", "relevance") == "relevance"
    matches = SolutionPage.objects.all()
    found = None
    if query:
        found = engine.match(SolutionPage, query)
        matches = matches.filter(pk__in=found.ids)
    matches = _apply_filters(visible_solutions(matches, user=user, within=within), params)
    if by_relevance:
        page = _ranked_page(matches, found, per_page=per_page, number=params.get("page") or 1)
    else:
        ordered = with_card_data(matches.order_by("-published_date", "-pk"))
        page = Paginator(ordered, per_page).get_page(params.get("page") or 1)
    stems = set(query.split())
    for solution in page.object_list:
        solution.snippet = _snippet(solution, stems)
    facets = facet_counts(matches.order_by().values("pk"), params, one_statement=bool(query))
    return BankResults(count=page.paginator.count, page=page, facets=facets, query_stems=stems)


def _snippet(solution: SolutionPage, stems: set[str]):
    if not stems:
        return highlight(solution.summary, stems)
    texts = [solution.summary, solution.problem, solution.goal, *solution.stage_texts, solution.result, solution.reuse]
    text = next((text for text in texts if has_match(text, stems)), solution.summary)
    return highlight(text, stems)


def suggest_titles(*, user: User, prefix: str, limit: int = 8) -> list[SolutionPage]:
    """Titles of visible solutions with words starting with what the visitor has typed so far."""
    words = " ".join(fold_words(prefix))
    if len(words) < 2:
        return []
    ranked = engine.suggest(SolutionPage, words).ranked(limit * 10)
    visible = visible_solutions(SolutionPage.objects.filter(pk__in=ranked), user=user)
    allowed = {solution.pk: solution for solution in visible.only("id", "title", "url_path")}
    return [allowed[pk] for pk in ranked if pk in allowed][:limit]
