"""The library's filters link an unknown group or topic to its control and summarise it at the top."""

import pytest

from tests.form_errors import assert_errors_linked
from tests.support import builders

pytestmark = pytest.mark.django_db


def test_unknown_filters_are_summarised_and_linked_to_their_controls(staff_client, empty_home):
    library = builders.library(empty_home)

    response = staff_client.get(library.url, {"group": "марсиане", "topic": "нет-такой"})

    soup = assert_errors_linked(response.content, "material-group", "material-topic")
    assert "Такой группы нет" in soup.select_one(".error-summary").get_text()
