"""The access matrix (issue 4, item 9): every channel of every area x every audience x every kind of user.

Channels are data: each area lists them in `tests/<area>/channels.py` (`CHANNELS = [Channel(...)]`), and
this module collects every such file it finds, so a new content type joins the matrix without new tests.

A case is a channel with an audience, or with a kind of restriction; each case is checked for each of the 11
kinds of user (`CASES` x `USER_KINDS`, 10,110 checks). The checks are grouped so that what is expensive is
done once, and every check still runs on its own:

- one user of each kind is made, and signed in, once for the module (`matrix_site`);
- channels that make their item the same way (the same `make_item`) share it: one item is made per `make_item`,
  audience and restriction (`ITEMS`, about 200 of them) and is one test, which asks for it through each of
  its channels as each kind of user;
- each check has a fresh client carrying its user's session, an empty cache, and a savepoint of its own that
  is rolled back afterwards, as a test of its own would; a check that fails (a leak, a missing item, an
  error) does not stop the others: the test reports every failed check, each naming the channel, the item's
  audience or restriction, and the kind of user.
"""

import importlib
import traceback
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.test.client import ClientHandler

from pages.models import HomePage
from residents.audiences import Audience
from tests.access.channels import Channel
from tests.access.restrictions import GROUP_MEMBERS, GROUP_NAME, RESTRICTIONS, Restriction
from tests.access.users import USER_KINDS, UserKind
from tests.factories import make_empty_home
from tests.sharing import shared_rows

TESTS = Path(__file__).resolve().parent.parent


def collect_channels() -> list:
    channels = []
    for path in sorted(TESTS.glob("*/channels.py")):
        if path.parent.name == "access":
            continue
        module = importlib.import_module(f"tests.{path.parent.name}.channels")
        channels += [(path.parent.name, channel) for channel in getattr(module, "CHANNELS", [])]
    return channels


CHANNELS = collect_channels()
CASES = [(area, channel, audience, None) for area, channel in CHANNELS for audience in Audience.values] + [
    (area, channel, Audience.EVERYONE, restriction)
    for area, channel in CHANNELS
    for restriction in RESTRICTIONS
    if channel.item_kind in restriction.item_kinds
]


@dataclass(frozen=True)
class Item:
    """One item that several cases share: made by `make_item` for an audience, then restricted if so, and asked
    for through each of `channels` (the channels of the cases that make their item this way)."""

    area: str
    make_item: object
    audience: str
    restriction: Restriction | None
    channels: tuple[Channel, ...]

    def __str__(self) -> str:
        return f"{self.area}: {self.make_item.__name__.strip('_')}-{self.restriction or self.audience}"

    def describe(self) -> str:
        if self.restriction:
            return f"an item restricted by «{self.restriction}»"
        return f"an item of audience «{self.audience}»"

    def lets_in(self, channel: Channel, kind: UserKind, *, signed_in: bool) -> bool:
        """Whether a user of this kind should see the item through the channel."""
        if channel.signed_in_only and not signed_in:
            return False
        if self.restriction is not None and self.restriction.hides:
            return not (channel.public_only or channel.private_hidden) and self.restriction.lets_in(kind)
        return self.audience == Audience.EVERYONE if channel.public_only else self.audience in kind.audiences


def group_cases(cases: list) -> list[Item]:
    """The cases grouped by the item they need, in the order of the cases."""
    grouped: dict[tuple, Item] = {}
    for area, channel, audience, restriction in cases:
        key = (channel.make_item, audience, restriction)
        item = grouped.get(key) or Item(area, channel.make_item, audience, restriction, ())
        grouped[key] = Item(area, item.make_item, audience, restriction, (*item.channels, channel))
    return list(grouped.values())


ITEMS = group_cases(CASES)


@pytest.fixture(scope="module")
def matrix_site(django_db_setup, django_db_blocker) -> tuple[int, dict]:
    """The empty home page's id and, for each kind of user, the key of a session signed in as one user of that
    kind (None for the anonymous visitor)."""

    def build():
        home = make_empty_home()
        users = {kind.name: kind.make() for kind in USER_KINDS}
        group = Group.objects.create(name=GROUP_NAME)
        group.user_set.add(*(users[name] for name in GROUP_MEMBERS))
        return home.pk, {name: signed_in(user) for name, user in users.items()}

    with shared_rows(django_db_blocker, build) as site:
        yield site


def signed_in(user) -> str | None:
    """The session key of a fresh sign-in of the user, as the test client makes it."""
    if user is None:
        return None
    client = Client()
    client.force_login(get_user_model().objects.get(pk=user.pk))
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def item(request, matrix_site, django_db_blocker):
    """A live item made by the group's `make_item` for its audience under the empty home, then restricted in
    one way if the group says so; the item is alone of its kind, as each channel expects, and is rolled back
    before the next group makes its own."""
    group: Item = request.param
    home_pk, _sessions = matrix_site

    def build():
        made = group.make_item(HomePage.objects.get(pk=home_pk), group.audience)
        if group.restriction is not None:
            group.restriction.apply(made)
        return made

    with shared_rows(django_db_blocker, build) as made:
        yield made


@pytest.mark.django_db
@pytest.mark.parametrize("item", ITEMS, ids=str, indirect=True)
def test_access_matrix(request, item, matrix_site):
    group: Item = request.node.callspec.params["item"]
    sessions = matrix_site[1]
    failures = [
        failure
        for channel in group.channels
        for kind in USER_KINDS
        if (failure := check(group, item, channel, kind, sessions[kind.name]))
    ]
    checked = len(group.channels) * len(USER_KINDS)
    assert not failures, f"{len(failures)} of {checked} checks of {group} failed:\n" + "\n".join(failures)


def check(group: Item, item, channel: Channel, kind: UserKind, session_key: str | None) -> str | None:
    """Asks for the item through the channel as a user of this kind, in a savepoint rolled back afterwards, with
    an empty cache and a fresh client; what went wrong (naming the channel, the item and the user), or None."""
    cache.clear()
    client = Client()
    if session_key is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    allowed = group.lets_in(channel, kind, signed_in=session_key is not None)
    what = f"{group.describe()} to «{kind}»"
    try:
        with rolled_back(), answers_recorded() as answers:
            seen = channel.sees(client, item)
    except Exception:  # noqa: BLE001 (reported with the others; the next checks still run)
        return f"- {channel}: error asking for {what}:\n{traceback.format_exc(limit=-8)}"
    if seen is not allowed:
        return f"- {channel} shows {'nothing' if allowed else 'the item'} when asked for {what}"
    secret = group.restriction.never_shown if group.restriction else ""
    if secret and any(secret.encode() in answer for answer in answers):
        return f"- {channel} shows the text of a newer draft «{secret}» when asked for {what}"
    return None


@contextmanager
def rolled_back():
    """A savepoint that is always rolled back, marked like a test's own (so a durable block inside is allowed)."""
    atomic = transaction.atomic()
    atomic._from_testcase = True
    with atomic:
        try:
            yield
        finally:
            transaction.set_rollback(True)


@contextmanager
def answers_recorded():
    """The bodies of every answer that any test client gets meanwhile (a channel may make its own client, with
    a bearer token); files streamed from storage are left out."""
    answers = []
    original = ClientHandler.__call__

    def recording(self, *args, **kwargs):
        response = original(self, *args, **kwargs)
        if not response.streaming:
            answers.append(response.content)
        return response

    ClientHandler.__call__ = recording
    try:
        yield answers
    finally:
        ClientHandler.__call__ = original


def test_the_matrix_covers_every_channel_file():
    files = {path.parent.name for path in TESTS.glob("*/channels.py")} - {"access"}
    assert files <= {area for area, _channel in CHANNELS}
    assert len(CHANNELS) >= 10


def test_the_items_cover_every_case_once():
    """Grouping the cases by item loses none and repeats none: every channel is checked with every audience and
    every kind of restriction that applies to it, for every kind of user."""
    checked = Counter((channel, group.audience, group.restriction) for group in ITEMS for channel in group.channels)
    assert checked == Counter((channel, audience, restriction) for _area, channel, audience, restriction in CASES)
    assert set(checked.values()) == {1}
    assert len({str(group) for group in ITEMS}) == len(ITEMS), "two items have the same test id"
    assert len(CASES) >= 919


@pytest.mark.django_db
def test_a_failed_check_names_the_channel_the_item_and_the_user(matrix_site):
    def fails(client, item):
        raise RuntimeError("no answer")

    leaky = Channel("leaky channel", make_item=lambda home, audience: None, sees=lambda client, item: True)
    broken = Channel("broken channel", make_item=leaky.make_item, sees=fails)
    group = Item("access", leaky.make_item, Audience.INTERNAL, None, (leaky, broken))
    anonymous, staff = USER_KINDS[0], USER_KINDS[-1]
    leak = check(group, None, leaky, anonymous, matrix_site[1][anonymous.name])
    what = f"an item of audience «{Audience.INTERNAL}»"
    assert leak == f"- leaky channel shows the item when asked for {what} to «anonymous»"
    assert check(group, None, leaky, staff, matrix_site[1][staff.name]) is None
    error = check(group, None, broken, staff, matrix_site[1][staff.name])
    assert error.startswith(f"- broken channel: error asking for {what} to «staff»")
    assert "RuntimeError: no answer" in error
