"""The access matrix (issue 4, item 9): every channel of every area x every audience x every kind of user.

Channels are data: each area lists them in `tests/<area>/channels.py` (`CHANNELS = [Channel(...)]`), and
this module collects every such file it finds, so a new content type joins the matrix without new tests.
"""

import importlib
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from residents.audiences import Audience
from tests.access.users import USER_KINDS

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


@pytest.mark.django_db
@pytest.mark.parametrize("kind", USER_KINDS, ids=str)
@pytest.mark.parametrize("audience", Audience.values)
@pytest.mark.parametrize("area,channel", CHANNELS, ids=[f"{area}: {channel}" for area, channel in CHANNELS])
def test_access_matrix(area, channel, audience, kind, empty_home):
    cache.clear()  # Wagtail caches renditions by image id, and ids repeat after each test's rollback
    client = Client()
    user = kind.make()
    if user is not None:
        client.force_login(user)
    item = channel.make_item(empty_home, audience)
    allowed = audience == Audience.EVERYONE if channel.public_only else audience in kind.audiences
    if channel.signed_in_only and user is None:
        allowed = False
    assert channel.sees(client, item) is allowed, (
        f"{channel} shows {'nothing' if allowed else 'an item'} of audience «{audience}» to {kind}"
    )


def test_the_matrix_covers_every_channel_file():
    files = {path.parent.name for path in TESTS.glob("*/channels.py")} - {"access"}
    assert files <= {area for area, _channel in CHANNELS}
    assert len(CHANNELS) >= 10
