"""The projects' forms link their errors to the fields and summarise them at the top."""

import pytest
from django.test import Client

from bank.models import SubjectArea
from tests.form_errors import assert_errors_linked
from tests.projects.builders import resident

pytestmark = pytest.mark.django_db


def test_the_start_form_links_each_error_to_its_field():
    SubjectArea.objects.create(name="Экология", slug="ecology")
    client = Client()
    client.force_login(resident())

    response = client.post("/projects/new/", {"title": "", "summary": "", "kind": "никакой"})

    assert response.status_code == 400
    soup = assert_errors_linked(response.content, "id_title", "id_summary", "id_kind")
    assert soup.select('input[type="checkbox"][name="subjects"]'), "subjects are checkboxes"
