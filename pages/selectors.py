"""Reads for the site's navigation and the school's texts around every page, each a bounded number of queries
whatever the tree's size."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language, get_supported_language_variant
from wagtail.models import Locale, Page, Site

from pages.models.site_settings import SchoolSettings
from residents.selectors import pages_visible

SCHOOL_TEXT_FIELDS = ("school_name", "short_name", "address", "footer_text")


@dataclass(frozen=True)
class SchoolTexts:
    school_name: str
    short_name: str
    address: str
    footer_text: str


def school_texts(*, school: SchoolSettings, language: str | None = None) -> SchoolTexts:
    """The school's name, short name, address and footer in `language` (the active one by default): the
    settings' English fields (`<field>_en`) for an English reader, the Russian ones where they are empty or
    the language is Russian. No query: the settings are read once per request."""
    language = get_supported_language_variant(language or get_language() or settings.LANGUAGE_CODE)
    translated = language != settings.LANGUAGE_CODE

    def text(name: str) -> str:
        return (translated and getattr(school, f"{name}_{language}", "")) or getattr(school, name)

    return SchoolTexts(**{name: text(name) for name in SCHOOL_TEXT_FIELDS})


def home_for(*, site: Site | None, locale_id: int | None, page: Page | None = None) -> Page | None:
    """The site's home page in this language (the site's own one when it has no translation): the page being
    read when it is a home page. No query then, nor when the language is the home page's own."""
    if site is None:
        return None
    root = site.root_page
    if page is not None and page.depth == root.depth:
        return page  # a home page itself, in any language
    if locale_id is None or locale_id == root.locale_id:
        return root
    return root.get_translation_or_none(locale_id) or root


def pages_in_reading_language(queryset: QuerySet) -> QuerySet:
    """The pages of `queryset` in the language being read: a listing of solutions or exhibitions shows each
    once, in the reader's language, not the page and its translation side by side. No query of its own (a
    subquery), and a filter on `locale` that the search backends accept (they filter on the page's own fields)."""
    language = get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    return queryset.filter(locale__in=Locale.objects.filter(language_code=language).values_list("pk", flat=True))


def locale_active_id() -> int | None:
    locale = Locale.get_active()
    return locale.pk if locale else None


def pages_sections(*, home: Page | None, user) -> list[Page]:
    """Every section of the site this user may open: the live children of the home page, in the menu or not
    (meeting rooms, the rest room, the generator), in the language being read."""
    if home is None:
        return []
    return list(pages_visible(home.get_children().live(), user=user).order_by("path"))


def pages_breadcrumb(*, page: Page, site: Site | None) -> list[Page]:
    """The ancestors of a page below the site root, root first, ending at the page itself. Wagtail's routing
    has already read them (each page it routes through is kept on its child): no query then."""
    if site is None:
        return []
    chain, current = [page], page
    while current.depth > site.root_page.depth:
        current = getattr(current, "_cached_parent_obj", None)
        if current is None:
            break
        chain.append(current)
    else:
        return chain[::-1]
    return list(
        Page.objects.ancestor_of(page, inclusive=True).filter(depth__gte=site.root_page.depth).order_by("depth")
    )
