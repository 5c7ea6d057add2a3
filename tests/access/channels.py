"""The channels through which content leaves the server, as data for the access matrix.

Every area (pages, bank, events, exhibitions, support, meetings, ...) lists its channels in a module
`tests/<area>/channels.py` as `CHANNELS = [Channel(...), ...]`. The matrix in `tests/access/` crosses
every channel with every audience and every kind of user, so a new content type joins the matrix by
adding a Channel, not by writing new access tests.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client


@dataclass(frozen=True)
class Channel:
    # e.g. "page HTML", "API v2 pages listing", "iCalendar feed"
    name: str
    # Creates one live item with the given audience under the demo-free home page; returns it.
    make_item: Callable[[object, str], object]
    # Asks for the item through this channel as the client's user; True when the item is shown.
    sees: Callable[[Client, object], bool]
    # True for channels that show only what everyone may see, whoever asks (sitemap.xml, public feeds).
    public_only: bool = False
    # True for channels that exist only for a signed-in person (their own progress, their bookings).
    signed_in_only: bool = False
    # What the item is, for the kinds of restriction of tests/access/restrictions.py: "page", "file" (a document
    # or image used by one page), "snippet" (with drafts) or "plain" (none of them applies).
    item_kind: str = "page"
    # True for channels that show no page under a view restriction, whoever asks (the bank's search rows).
    private_hidden: bool = False

    def __str__(self) -> str:
        return self.name
