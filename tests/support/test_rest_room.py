"""The rest room: for internal residents, help contacts, and visits never tracked per person."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from support.models import RestRoomPage
from tests.support import builders


@pytest.mark.django_db
def test_rest_room_shows_help_contacts_with_a_phone_link(staff_client, empty_home):
    page = builders.rest_room(empty_home)
    html = staff_client.get(page.url).content.decode()
    assert "Детский телефон доверия" in html
    assert 'href="tel:88002000122"' in html


@pytest.mark.django_db
def test_rest_room_is_served_private_and_not_stored(staff_client, empty_home):
    response = staff_client.get(builders.rest_room(empty_home).url)
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.django_db
def test_visiting_the_rest_room_writes_nothing(staff_client, empty_home):
    page = builders.rest_room(empty_home)
    staff_client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert staff_client.get(page.url).status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []


@pytest.mark.django_db
def test_rest_room_is_closed_to_anonymous_visitors(empty_home):
    response = Client().get(builders.rest_room(empty_home).url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert "Детский телефон" not in response.content.decode()


@pytest.mark.django_db
def test_logged_in_user_without_access_is_refused_without_the_content(member_user, empty_home):
    client = Client()
    client.force_login(member_user)
    page = builders.rest_room(empty_home, audience="staff")
    response = client.get(page.url)
    assert response.status_code == 403
    assert "Виртуальная комната отдыха" not in response.content.decode()


def test_rest_room_content_carries_links_but_no_embedded_players():
    assert set(RestRoomPage._meta.get_field("sections").stream_block.child_blocks) == {"section"}
    assert set(RestRoomPage._meta.get_field("help_contacts").stream_block.child_blocks) == {"contact"}
    section = RestRoomPage._meta.get_field("sections").stream_block.child_blocks["section"]
    resource = section.child_blocks["resources"].child_block
    assert set(resource.child_blocks) == {"title", "description", "page", "external_url"}
