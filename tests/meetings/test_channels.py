"""The meetings channels hold the audiences for anonymous visitors, plain signed-in users and staff.

The residents' access matrix crosses the same CHANNELS with every kind of user once memberships exist.
"""

import pytest

from residents.audiences import Audience
from tests.meetings.channels import CHANNELS

pytestmark = pytest.mark.django_db

# Until memberships land, a signed-in non-resident sees what anonymous visitors see; staff see everything.
EXPECTED = {
    "anonymous": {Audience.EVERYONE},
    "signed-in non-resident": {Audience.EVERYONE},
    "staff": set(Audience.values),
}
V2_NOTE = "API v2 pages are not yet filtered by audience: the residents area filters the v2 endpoint for all pages"


def _params():
    for channel in CHANNELS:
        for kind in EXPECTED:
            for audience in Audience.values:
                leaks_today = "API v2" in channel.name and audience not in EXPECTED[kind]
                # strict: once v2 is filtered this turns into a failure, a reminder to drop the mark
                marks = [pytest.mark.xfail(reason=V2_NOTE, strict=True)] if leaks_today else []
                yield pytest.param(channel, kind, audience, id=f"{channel}-{kind}-{audience}", marks=marks)


@pytest.mark.parametrize(("channel", "kind", "audience"), list(_params()))
def test_a_channel_shows_an_item_only_to_its_audience(client, empty_home, django_user_model, channel, kind, audience):
    item = channel.make_item(empty_home, audience)
    if kind == "signed-in non-resident":
        client.force_login(django_user_model.objects.create_user("plain", "plain@example.org", "password"))
    elif kind == "staff":
        client.force_login(django_user_model.objects.create_user("staff", "s@example.org", "password", is_staff=True))
    assert channel.sees(client, item) == (audience in EXPECTED[kind])
