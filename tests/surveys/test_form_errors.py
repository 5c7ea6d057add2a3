"""A survey's errors are linked to their questions and summarised at the top."""

import pytest

from tests.form_errors import assert_errors_linked
from tests.surveys.builders import answers

pytestmark = pytest.mark.django_db


def test_bad_answers_are_summarised_and_linked_to_their_questions(client, open_survey):
    response = client.post(open_survey.url, answers(naskolko_poleznym_bylo_sobytie="", chto_uluchshit="я" * 4001))

    soup = assert_errors_linked(response.content, "id_naskolko_poleznym_bylo_sobytie", "id_chto_uluchshit")
    assert "Проверьте ответы" in soup.select_one(".error-summary").get_text()
    assert soup.find(id="id_naskolko_poleznym_bylo_sobytie").find_parent("fieldset") is not None
