"""Reads of the bank that go through the access selectors: visible solutions, the newest, the featured."""

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model

from api.images import FILTERS as API_IMAGE_FILTERS
from bank.models.pages import SolutionPage
from pages.localized import localize_related, localizing
from pages.pictures import filter_specs
from pages.selectors import pages_in_reading_language
from residents.restrictions import restrictions_in_tree
from residents.selectors import User, pages_visible

CARD_RENDITION = "fill-480x270"  # the card's `{% picture_of %}` size; its formats from pages.pictures


def pages_without_view_restrictions(queryset: QuerySet) -> QuerySet:
    """Pages with no view restriction on themselves or an ancestor (an indexable path prefix test)."""
    for path in restrictions_in_tree().restricted:
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def solutions_visible(queryset: QuerySet | None = None, *, user: User, within=None) -> QuerySet:
    """Live solutions this visitor may see (audience, view restrictions), under one bank page or, in listings
    of the whole site, in the language being read."""
    queryset = pages_without_view_restrictions(
        pages_visible(SolutionPage.objects.all() if queryset is None else queryset, user=user)
    )
    if within is not None:
        return queryset.descendant_of(within)
    return pages_in_reading_language(queryset)


def solutions_with_card_data(queryset: QuerySet) -> QuerySet:
    """What a solution card shows, on the bank page and in the API, fetched in a constant number of queries:
    the covers with the solutions, their renditions (Wagtail's `prefetched_renditions`) in one more."""
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=[*filter_specs(CARD_RENDITION), *API_IMAGE_FILTERS])
    )
    covers = Prefetch("cover__renditions", queryset=renditions, to_attr="prefetched_renditions")
    return queryset.select_related("project_type", "cover").prefetch_related("subjects", "tags", covers)


def solutions_newest(*, user: User, limit: int = 20) -> list[SolutionPage]:
    solutions = list(solutions_with_card_data(solutions_visible(user=user)).order_by("-published_date", "-pk")[:limit])
    return localize_related(solutions, "subjects", "project_type", "tags")


def solutions_featured(*, user: User, count: int) -> list[SolutionPage]:
    """For the landing: solutions an editor marked as featured, newest first, then the newest others.

    One query: the landing's budget is tight, so the compact card shows no subjects and covers come from
    Wagtail's rendition cache.
    """
    ordering = ("-featured", "-published_date", "-pk")
    queryset = solutions_visible(user=user).select_related("project_type", "cover")
    return list(localizing(queryset, related=("project_type",), rows=False).order_by(*ordering)[:count])


def solution_reuse(*, solution) -> dict:
    """How many times the solution was reused, and the newest stories: only stories an editor published count
    (a report waiting for moderation or refused is nobody's evidence yet); no author names."""
    published = list(solution.reuse_reports.filter(published=True).order_by("-created_at", "-pk"))
    return {"count": len(published), "stories": published[:20]}
