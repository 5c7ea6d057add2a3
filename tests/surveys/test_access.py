"""Answers are for the editors who may edit the survey: no resident, whatever their tier, reads the answers
of others, in the admin's list, its exports or the summary; the API has no way to read answers at all."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from surveys.models import SurveySubmission
from tests.access.users import USER_KINDS
from tests.surveys.builders import survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(empty_home):
    page = survey(empty_home, audience="internal")
    author = get_user_model().objects.create_user("author", "author@example.org", "x")
    SurveySubmission.objects.create(page=page, user=author, form_data={"chto_uluchshit": "Тайный ответ Пети"})
    return page


@pytest.mark.parametrize("kind", USER_KINDS, ids=str)
def test_nobody_but_the_surveys_editors_reads_its_answers(answered, kind):
    client = Client()
    user = kind.make()
    if user is not None:
        client.force_login(user)
    for url in (
        f"/admin/forms/submissions/{answered.pk}/",
        f"/admin/forms/submissions/{answered.pk}/?export=csv",
        f"/admin/forms/submissions/{answered.pk}/?export=xlsx",
        f"/admin/surveys/{answered.pk}/summary/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), f"{kind} reads {url}"
        assert not response.streaming and "Тайный ответ" not in response.content.decode()


def test_the_api_has_no_operation_that_reads_answers(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    survey_paths = {path: set(operations) for path, operations in paths.items() if "/surveys/" in path}
    assert survey_paths == {
        "/api/v3/surveys/": {"get"},
        "/api/v3/surveys/{survey_id}/": {"get"},
        "/api/v3/surveys/{survey_id}/submissions/": {"post"},
    }
