"""The access matrix (issue 4, item 9): every channel of every area x every audience x every kind of user.

Channels are data: each area lists them in `tests/<area>/channels.py` (`CHANNELS = [Channel(...)]`), and
this module collects every such file it finds, so a new content type joins the matrix without new tests.

The setup is shared, the cases are not: one user of each kind is made once for the module, and one item
per channel and audience once for the cases of all kinds of user (pytest runs those cases one after
another, see tests/sharing.py). Each case signs its user in afresh, asks for the item through the channel
in a transaction of its own, and asserts: every case can still fail on its own leak.
"""

import importlib
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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


def case_id(area: str, channel: Channel, audience: str, restriction: Restriction | None) -> str:
    return f"{area}: {channel}-{restriction or audience}"


@dataclass(frozen=True)
class Case:
    channel: Channel
    audience: str
    restriction: Restriction | None
    item: object

    def lets_in(self, kind: UserKind, *, signed_in: bool) -> bool:
        """Whether a user of this kind should see the item through the channel."""
        channel = self.channel
        if channel.signed_in_only and not signed_in:
            return False
        if self.restriction is not None and self.restriction.hides:
            return not (channel.public_only or channel.private_hidden) and self.restriction.lets_in(kind)
        return self.audience == Audience.EVERYONE if channel.public_only else self.audience in kind.audiences


@pytest.fixture(scope="module")
def matrix_site(django_db_setup, django_db_blocker) -> tuple[int, dict]:
    """The empty home page's id and the id of a user of each kind (None for the anonymous visitor)."""

    def build():
        home = make_empty_home()
        users = {kind.name: getattr(kind.make(), "pk", None) for kind in USER_KINDS}
        group = Group.objects.create(name=GROUP_NAME)
        group.user_set.add(*(users[name] for name in GROUP_MEMBERS))
        return home.pk, users

    with shared_rows(django_db_blocker, build) as site:
        yield site


@pytest.fixture(scope="module")
def case(request, matrix_site, django_db_blocker) -> Case:
    """One live item of a channel with an audience, under the empty home, then restricted in one way if the case
    says so; the item is alone of its kind, as each channel expects, and is rolled back before the next channel,
    audience or restriction builds its own."""
    _area, channel, audience, restriction = request.param
    home_pk, _users = matrix_site

    def build():
        item = channel.make_item(HomePage.objects.get(pk=home_pk), audience)
        if restriction is not None:
            restriction.apply(item)
        return item

    with shared_rows(django_db_blocker, build) as item:
        yield Case(channel, audience, restriction, item)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", USER_KINDS, ids=str)
@pytest.mark.parametrize("case", CASES, ids=[case_id(*case) for case in CASES], indirect=True)
def test_access_matrix(case, kind, matrix_site):
    client = Client()
    user_pk = matrix_site[1][kind.name]
    if user_pk is not None:
        client.force_login(get_user_model().objects.get(pk=user_pk))
    allowed = case.lets_in(kind, signed_in=user_pk is not None)
    what = f"restricted by «{case.restriction}»" if case.restriction else f"of audience «{case.audience}»"
    with answers_recorded() as answers:
        seen = case.channel.sees(client, case.item)
    assert seen is allowed, f"{case.channel} shows {'nothing' if allowed else 'an item'} {what} to {kind}"
    secret = case.restriction.never_shown if case.restriction else ""
    if secret:
        assert not any(secret.encode() in answer for answer in answers), f"{case.channel} shows {what} to {kind}"


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
