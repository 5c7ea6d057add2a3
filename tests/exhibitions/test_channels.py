"""Every channel of exhibitions shows an exhibition to exactly the audiences that may see it.

The residents' access matrix crosses these channels with every kind of user; this test holds the line for the
two users that exist today, anonymous and staff.
"""

import pytest
from django.test import Client

from tests.exhibitions.channels import CHANNELS

pytestmark = pytest.mark.django_db

AUDIENCES = ["everyone", "residents", "internal", "staff"]


@pytest.mark.parametrize("channel", CHANNELS, ids=str)
def test_each_channel_shows_an_exhibition_only_to_its_audience(channel, empty_home, staff_client):
    anonymous = Client()
    for audience in AUDIENCES:
        item = channel.make_item(empty_home, audience)
        assert channel.sees(anonymous, item) is (audience == "everyone"), (channel.name, audience, "anonymous")
        assert channel.sees(staff_client, item) is True, (channel.name, audience, "staff")
