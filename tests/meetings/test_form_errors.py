"""The booking form's errors are linked to their fields and summarised at the top."""

import pytest

from tests.form_errors import assert_errors_linked
from tests.meetings.test_pages import room_url

pytestmark = pytest.mark.django_db


def test_a_booking_without_a_slot_and_with_a_long_topic_links_both_errors(client, rooms_page, room, student):
    client.force_login(student)

    response = client.post(room_url(rooms_page, room), {"slot": "", "topic": "т" * 301})

    soup = assert_errors_linked(response.content, "id_slot", "id_topic")
    assert "Выберите время встречи." in soup.select_one(".error-summary").get_text()
    assert soup.find(id="id_topic").name == "input"
