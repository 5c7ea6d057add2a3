"""Where Wagtail's own view restrictions (a password, a login, groups) sit in the page tree, read once per
request: the bank's lists, the main menu and the check before a page is served all ask this instead of
querying the restrictions each time.

Kept in the shared cache when there is one (residents/request_cache.py) and forgotten, for every app server
at once, whenever a restriction or any page is saved or deleted: a new, moved or deleted page may take or
free the path of a restricted one.
"""

from dataclasses import dataclass

from django.db.models import CharField, Value
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

from residents import request_cache

RESTRICTIONS_KEY = "residents:view-restrictions"
RESTRICTIONS_TIMEOUT = 300  # seconds; a change forgets them at once, this only bounds an unexpected miss


@dataclass(frozen=True)
class TreeRestrictions:
    """Tree paths of restricted pages, and of alias pages (whose restrictions are their source page's)."""

    restricted: tuple[str, ...]
    aliases: tuple[str, ...]

    def may_restrict(self, path: str) -> bool:
        """Whether a page at this path may have a view restriction on itself or an ancestor. False means it
        has none for sure; True means Wagtail's own check has to look."""
        return any(path.startswith(prefix) for prefix in (*self.restricted, *self.aliases))

    def covers(self, path: str) -> bool:
        """Whether a restriction sits on the page at this path or on one of its ancestors."""
        return any(path.startswith(prefix) for prefix in self.restricted)


def restrictions_in_tree() -> TreeRestrictions:
    return request_cache.shared(RESTRICTIONS_KEY, _read_restrictions, RESTRICTIONS_TIMEOUT)


def _read_restrictions() -> TreeRestrictions:
    """One query: the restricted pages' paths and the aliases' paths."""
    kind = CharField()
    restricted = PageViewRestriction.objects.order_by().values_list("page__path", Value("r", output_field=kind))
    aliases = Page.objects.filter(alias_of__isnull=False).order_by().values_list("path", Value("a", output_field=kind))
    rows = list(restricted.union(aliases, all=True))
    return TreeRestrictions(
        restricted=tuple(sorted({path for path, what in rows if what == "r"})),
        aliases=tuple(sorted({path for path, what in rows if what == "a"})),
    )


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_restrictions(sender, **kwargs):
    request_cache.forget(RESTRICTIONS_KEY)


@receiver(post_save)
@receiver(post_delete)
def forget_restrictions_when_pages_change(sender, instance, **kwargs):
    if isinstance(instance, Page):
        request_cache.forget(RESTRICTIONS_KEY)
