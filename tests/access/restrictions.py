"""The kinds of restriction of the access matrix besides the four audiences (issue 14, item 2): Wagtail's own
privacy (a login, password or group restriction on the page, or on its parent for the descendants; a
collection's restriction for files, by login or password), and publication (a draft that was never published, a
page or snippet unpublished after it was live, and a live one with a newer draft whose text no reader may get).

Each kind is applied to an item that a channel has just made for the audience «everyone», so whatever hides
the item in a case is the kind alone. A file (document, image) is restricted through the page that uses it,
or through its collection.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

# The kinds of user who are members of the group that a group restriction lets in (tests/access/users.py).
GROUP_NAME = "Проектная группа 9Б"
GROUP_MEMBERS = {"teacher", "external, expired contract"}


def page_of(item) -> Page:
    """The page an item is, or the one page that uses a file."""
    if isinstance(item, Page):
        return Page.objects.get(pk=item.pk)
    for reference in ReferenceIndex.get_references_to(item):
        if issubclass(reference.content_type.model_class(), Page):
            return Page.objects.get(pk=reference.object_id)
    raise AssertionError(f"nothing uses {item!r}")


def restrict_page(kind: str, *, parent: bool = False) -> Callable:
    def apply(item) -> None:
        page = page_of(item)
        if parent:
            page = page.get_parent()
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, password="тайна-373")
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get(name=GROUP_NAME))

    return apply


def restrict_collection(kind: str) -> Callable:
    def apply(item) -> None:
        collection = Collection.get_first_root_node().add_child(name=f"Закрытая коллекция {item.pk}")
        type(item).objects.filter(pk=item.pk).update(collection=collection)
        CollectionViewRestriction.objects.create(collection=collection, restriction_type=kind, password="тайна-373")

    return apply


def _publishable(item):
    """The page itself, the page that uses a file, or the snippet."""
    return page_of(item).specific if isinstance(item, Page) or not hasattr(item, "save_revision") else item


def unpublish(item) -> None:
    """The page (a file's page) or the snippet goes off line after it was live."""
    _publishable(item).unpublish()


def never_published(item) -> None:
    """As if only a draft had ever been saved: off line, with no trace of a publication."""
    target = _publishable(item)
    target.unpublish()
    type(target).objects.filter(pk=target.pk).update(
        first_published_at=None, last_published_at=None, live_revision=None
    )


# In the title of a newer revision that is saved and never published: no reader may get it through any channel.
DRAFT_MARKER = "draftrevision373"


def newer_draft(item) -> None:
    """The live page or snippet gets a newer revision, saved and not published, whose title carries
    `DRAFT_MARKER`; the item (its live version) stays what every channel shows."""
    target = _publishable(item)
    draft = type(target).objects.get(pk=target.pk)
    draft.title = f"{draft.title} {DRAFT_MARKER}"
    draft.save_revision()


def anyone_signed_in(kind) -> bool:
    return kind.name != "anonymous"


def nobody(kind) -> bool:
    return False


def group_members(kind) -> bool:
    return kind.name in GROUP_MEMBERS


def as_for_everyone(kind) -> bool:
    return True


PAGES_AND_FILES = frozenset({"page", "file"})
PUBLISHED = frozenset({"page", "file", "snippet"})


@dataclass(frozen=True)
class Restriction:
    name: str
    # The kinds of item (Channel.item_kind) it applies to: a snippet has no Wagtail privacy, a room no drafts.
    item_kinds: frozenset
    apply: Callable[[object], None]
    # Which kinds of user still see the item (its audience being «everyone»).
    lets_in: Callable[[object], bool]
    # False for a kind that leaves the item as visible as an item for everyone (a newer draft).
    hides: bool = True
    # Text that no answer of any channel may contain, whoever asks.
    never_shown: str = ""

    def __str__(self) -> str:
        return self.name


RESTRICTIONS = [
    Restriction("login", PAGES_AND_FILES, restrict_page(PageViewRestriction.LOGIN), anyone_signed_in),
    Restriction("password", PAGES_AND_FILES, restrict_page(PageViewRestriction.PASSWORD), nobody),
    Restriction("groups", PAGES_AND_FILES, restrict_page(PageViewRestriction.GROUPS), group_members),
    Restriction(
        "login on the parent", PAGES_AND_FILES, restrict_page(PageViewRestriction.LOGIN, parent=True), anyone_signed_in
    ),
    Restriction("draft", PUBLISHED, never_published, nobody),
    Restriction("unpublished", PUBLISHED, unpublish, nobody),
    Restriction(
        "collection login", frozenset({"file"}), restrict_collection(CollectionViewRestriction.LOGIN), anyone_signed_in
    ),
    Restriction(
        "collection password", frozenset({"file"}), restrict_collection(CollectionViewRestriction.PASSWORD), nobody
    ),
    Restriction(
        "newer draft",
        frozenset({"page", "snippet"}),
        newer_draft,
        as_for_everyone,
        hides=False,
        never_shown=DRAFT_MARKER,
    ),
]
