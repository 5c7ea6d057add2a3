"""The expert's rubric form links a bad score to its criterion and summarises it at the top."""

import pytest

from tests.form_errors import assert_errors_linked
from tests.reviews.test_desk import desk_of, form_data

pytestmark = pytest.mark.django_db


def test_a_score_that_is_not_a_number_is_linked_to_its_criterion(client, two_assignments):
    first = two_assignments[0]
    criterion = first.rubric.criteria.order_by("sort_order", "pk").first()

    response = desk_of(client, first).post(f"/experts/{first.pk}/", form_data(first, "пять", 3))

    assert response.status_code == 400
    soup = assert_errors_linked(response.content, f"id_criterion_{criterion.pk}")
    assert soup.find(id=f"id_criterion_{criterion.pk}").name == "fieldset"
