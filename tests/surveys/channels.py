"""The channels through which surveys leave the server and take answers, for the access matrix (see
tests/access/channels.py). `make_item(home, audience)` publishes a survey with that audience under `home`;
reading it (the page, the API's detail and list) and answering it (the page's form, the API) are channels:
a survey closed to a user is neither shown to them nor answered by them.
"""

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken

from surveys.models import SurveySubmission
from tests.access.channels import Channel
from tests.surveys.builders import answers, survey

API_ANSWERS = {"naskolko_poleznym_bylo_sobytie": 4, "chto_ponravilos_bolshe_vsego": "Общение"}


def make_survey_item(home, audience: str):
    return survey(home, title=f"Опрос для аудитории {audience}", audience=audience)


def _bearer(client: Client) -> dict:
    user_id = client.session.get("_auth_user_id")
    if not user_id:
        return {}
    _, token = APIToken.create_token(user=get_user_model().objects.get(pk=user_id), name="access matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def _page_shows(client: Client, page) -> bool:
    response = client.get(page.url)
    return (
        response.status_code == 200
        and page.title in response.content.decode()
        and "survey__form" in str(response.content.decode())
    )


def _page_takes_answers(client: Client, page) -> bool:
    before = SurveySubmission.objects.filter(page=page).count()
    response = client.post(page.url, answers())
    stored = SurveySubmission.objects.filter(page=page).count() > before
    assert stored == (response.status_code == 200), "an answer is stored exactly when the visitor is thanked"
    return stored


def _api_takes_answers(client: Client, page) -> bool:
    response = client.post(
        f"/api/v3/surveys/{page.pk}/submissions/", {"answers": API_ANSWERS}, content_type="application/json"
    )
    return response.status_code == 201 and SurveySubmission.objects.filter(page=page).exists()


def _api_lists(client: Client, page) -> bool:
    items = client.get("/api/v3/surveys/", **_bearer(client)).json()["items"]
    return any(item["id"] == page.pk for item in items)


CHANNELS = [
    Channel("survey page HTML", make_survey_item, _page_shows),
    Channel("survey answered through the page", make_survey_item, _page_takes_answers),
    Channel(
        "API v3 survey detail", make_survey_item, lambda c, s: c.get(f"/api/v3/surveys/{s.pk}/").status_code == 200
    ),
    Channel("API v3 surveys list", make_survey_item, _api_lists),
    Channel("survey answered through API v3", make_survey_item, _api_takes_answers),
]
