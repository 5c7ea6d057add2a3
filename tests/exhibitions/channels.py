"""The channels through which exhibitions leave the server, for the access matrix (see tests/access/channels.py).

Each item is a live exhibition with one hall of two exhibits, whose title is unique, so a channel "sees" it
when its title or id comes back.
"""

import uuid

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken

from exhibitions.models import ExhibitionIndexPage
from residents.audiences import Audience
from tests.access.channels import Channel
from tests.exhibitions.builders import exhibit_url, exhibits_of, make_exhibition
from tests.pages.channels import make_page

LANDING_BLOCK = {"title": "Сейчас открыты выставки", "count": 12, "empty_text": "Выставок нет."}


def make_item(home, audience: str):
    marker = uuid.uuid4().hex[:8]
    return make_exhibition(
        home, title=f"Выставка {marker}", slug=f"access-{marker}", audience=audience, halls=1, exhibits=2
    )


def make_item_on_landing(home, audience: str):
    home = home.specific
    if not any(block.block_type == "current_exhibitions" for block in home.body):
        home.body.append(("current_exhibitions", LANDING_BLOCK))
        home.save_revision().publish()
    return make_item(home, audience)


def make_linked_solution(home, audience: str):
    """A page of the given audience that an exhibit of a public exhibition links to as its solution in the bank
    (the item is the page)."""
    page = make_page(home, audience)
    exhibition = make_item(home, Audience.EVERYONE)
    exhibit = exhibits_of(exhibition)[0]
    type(exhibit).objects.filter(pk=exhibit.pk).update(solution=page)
    page.exhibition, page.exhibit = exhibition, exhibit
    return page


def sees_linked_solution_html(client: Client, page) -> bool:
    html = client.get(exhibit_url(page.exhibition, page.exhibit)).content.decode()
    return f'href="{page.url}"' in html


def sees_linked_solution_api(client: Client, page) -> bool:
    response = client.get(f"/api/v3/exhibitions/{page.exhibition.pk}/")
    if response.status_code != 200:
        return False
    exhibits = [exhibit for hall in response.json()["halls"] for exhibit in hall["exhibits"]]
    return any((exhibit["solution"] or {}).get("id") == page.pk for exhibit in exhibits)


def api_v3_headers(client: Client) -> dict:
    """A bearer token of the client's signed-in user, as a frontend sends it (the list asks with it; the
    detail asks with the session itself)."""
    user_id = client.session.get("_auth_user_id")
    if user_id is None:
        return {}
    _, token = APIToken.create_token(user=get_user_model().objects.get(pk=user_id), name="матрица доступа")
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def sees_exhibition_page(client: Client, item) -> bool:
    return client.get(item.url).status_code == 200


def sees_exhibit_page(client: Client, item) -> bool:
    return client.get(exhibit_url(item, exhibits_of(item)[0])).status_code == 200


def sees_in_exhibition_list(client: Client, item) -> bool:
    response = client.get(ExhibitionIndexPage.objects.get(pk=item.get_parent().pk).url)
    return item.title in response.text


def sees_in_v2_listing(client: Client, item) -> bool:
    items = client.get("/api/v2/pages/", {"type": "exhibitions.ExhibitionPage", "limit": 20}).json()["items"]
    return item.pk in {entry["id"] for entry in items}


def sees_in_v2_detail(client: Client, item) -> bool:
    return client.get(f"/api/v2/pages/{item.pk}/").status_code == 200


def sees_in_v3_list(client: Client, item) -> bool:
    data = client.get("/api/v3/exhibitions/", {"limit": 20}, **api_v3_headers(client)).json()
    return item.pk in {entry["id"] for entry in data["items"]}


def sees_in_v3_detail(client: Client, item) -> bool:
    return client.get(f"/api/v3/exhibitions/{item.pk}/").status_code == 200


def sees_on_landing(client: Client, item) -> bool:
    html = client.get("/").text
    return item.title in html.split("landing-section--current_exhibitions")[-1]


CHANNELS = [
    Channel("exhibition page HTML", make_item, sees_exhibition_page),
    Channel("exhibit page HTML", make_item, sees_exhibit_page),
    Channel("exhibitions list HTML", make_item, sees_in_exhibition_list),
    Channel("API v2 pages listing (exhibitions)", make_item, sees_in_v2_listing),
    Channel("API v2 page detail (exhibition)", make_item, sees_in_v2_detail),
    Channel("API v3 exhibitions list", make_item, sees_in_v3_list),
    Channel("API v3 exhibition detail", make_item, sees_in_v3_detail),
    Channel("landing: current exhibitions block", make_item_on_landing, sees_on_landing),
    Channel("exhibit's linked solution HTML", make_linked_solution, sees_linked_solution_html),
    Channel("API v3 exhibit's linked solution", make_linked_solution, sees_linked_solution_api),
]
