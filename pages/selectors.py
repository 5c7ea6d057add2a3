"""Reads for the site's navigation, each a bounded number of queries whatever the tree's size."""

from wagtail.models import Page, Site

from residents.selectors import pages_visible


def pages_in_menu(*, site: Site | None, locale, user=None) -> list[Page]:
    """The pages of the main menu: live children of the home page marked "show in menus" that the user may see."""
    if site is None:
        return []
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(pages_visible(home.get_children().live().in_menu(), user=user).order_by("path"))


def pages_sections(*, site: Site | None, locale, user) -> list[Page]:
    """Every section of the site this user may open: the live children of the home page, in the menu or not
    (meeting rooms, the rest room, the generator), in the language being read."""
    if site is None:
        return []
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(pages_visible(home.get_children().live().public(), user=user).order_by("path"))


def pages_breadcrumb(*, page: Page, site: Site | None) -> list[Page]:
    """The ancestors of a page below the site root, root first, ending at the page itself."""
    if site is None:
        return []
    return list(
        Page.objects.ancestor_of(page, inclusive=True).filter(depth__gte=site.root_page.depth).order_by("depth")
    )
