"""The events' channels against the audiences, as the residents' access matrix will cross them."""

import pytest

from residents.audiences import Audience
from tests.events.channels import CHANNELS


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_every_channel_shows_public_events_to_anonymous_visitors_and_hides_the_rest(client, empty_home, channel):
    public = channel.make_item(empty_home, Audience.EVERYONE)
    hidden = [channel.make_item(empty_home, audience) for audience in (Audience.RESIDENTS, Audience.STAFF)]
    assert channel.sees(client, public)
    assert not any(channel.sees(client, event) for event in hidden)


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_every_channel_shows_staff_events_to_staff(client, empty_home, channel, staff_user):
    event = channel.make_item(empty_home, Audience.STAFF)
    client.force_login(staff_user)
    assert channel.sees(client, event)


@pytest.mark.django_db
@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_no_channel_shows_a_draft_event(client, empty_home, channel, staff_user):
    event = channel.make_item(empty_home, Audience.EVERYONE)
    event.live = False
    event.save()
    client.force_login(staff_user)
    assert not channel.sees(client, event)
