"""Drafts never leave the server through an events channel (audiences x users: tests/access/test_matrix.py)."""

import pytest

from residents.audiences import Audience
from tests.events.channels import CHANNELS


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_no_channel_shows_a_draft_event(client, empty_home, channel, staff_user):
    event = channel.make_item(empty_home, Audience.EVERYONE)
    event.live = False
    event.save()
    client.force_login(staff_user)
    assert not channel.sees(client, event)
