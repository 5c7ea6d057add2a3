"""Reads of the bank that go through the access selectors: visible solutions, the newest, the featured."""

from django.db.models import Prefetch, QuerySet
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from api.images import FILTERS as API_IMAGE_FILTERS
from bank.models.pages import SolutionPage
from residents import request_cache
from residents.selectors import User, pages_visible

CARD_RENDITION = "fill-480x270"


RESTRICTED_PATHS_KEY = "bank:restricted-page-paths"


def paths_restricted() -> list[str]:
    """Tree paths of pages with a password, login or group restriction: read once per request, kept in the
    shared cache and forgotten there whenever a restriction or any page is saved or deleted (bank/signals.py),
    so the rule holds in every app server from its next request on."""
    return request_cache.shared(RESTRICTED_PATHS_KEY, _paths_restricted_now, 300)


def _paths_restricted_now() -> list[str]:
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def pages_without_view_restrictions(queryset: QuerySet) -> QuerySet:
    """Pages with no view restriction on themselves or an ancestor (an indexable path prefix test)."""
    for path in paths_restricted():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


def solutions_visible(queryset: QuerySet | None = None, *, user: User, within=None) -> QuerySet:
    """Live solutions this visitor may see (audience, view restrictions), optionally under one bank page."""
    queryset = pages_without_view_restrictions(
        pages_visible(SolutionPage.objects.all() if queryset is None else queryset, user=user)
    )
    if within is not None:
        queryset = queryset.descendant_of(within)
    return queryset


def solutions_with_card_data(queryset: QuerySet) -> QuerySet:
    """What a solution card shows, on the bank page and in the API, fetched in a constant number of queries."""
    renditions = get_image_model().objects.prefetch_renditions(CARD_RENDITION, *API_IMAGE_FILTERS)  # page and API
    covers = Prefetch("cover", queryset=renditions)
    return queryset.select_related("project_type").prefetch_related("subjects", "tags", covers)


def solutions_newest(*, user: User, limit: int = 20) -> list[SolutionPage]:
    return list(solutions_with_card_data(solutions_visible(user=user)).order_by("-published_date", "-pk")[:limit])


def solutions_featured(*, user: User, count: int) -> list[SolutionPage]:
    """For the landing: solutions an editor marked as featured, newest first, then the newest others.

    One query: the landing's budget is tight, so the compact card shows no subjects and covers come from
    Wagtail's rendition cache.
    """
    ordering = ("-featured", "-published_date", "-pk")
    queryset = solutions_visible(user=user).select_related("project_type", "cover")
    return list(queryset.order_by(*ordering)[:count])
