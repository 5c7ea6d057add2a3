"""The bank's channels for the access matrix: every way a solution's title can leave the server."""

import functools
import itertools

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import APIToken

from bank.demo.loader import ensure_bank, ensure_taxonomies
from bank.models import SolutionPage
from tests.access.channels import Channel

_numbers = itertools.count(1)


def make_solution(home, audience: str) -> SolutionPage:
    """A live solution whose title is one unique word, so that every channel can be asked for it."""
    subjects, types = ensure_taxonomies()
    bank = ensure_bank(home, report=lambda line: None)
    number = next(_numbers)
    word = f"уникальноерешение{number}"
    solution = SolutionPage(
        title=f"Решение {word}",
        slug=f"channel-solution-{number}",
        summary=f"Кратко о {word}",
        problem="Проблема",
        goal="Цель",
        result="Результат",
        grade_from=5,
        grade_to=6,
        academic_year=2024,
        project_type=types[False],
        audience=audience,
        live=False,
    )
    solution.subjects = [subjects["informatics"]]
    bank.add_child(instance=solution)
    solution.save_revision().publish()
    solution.search_word = word
    return solution


def _bearer(client: Client) -> dict:
    """API v3 authenticates by bearer token, not by session: give the client's user a token."""
    user_id = client.session.get("_auth_user_id")
    if not user_id:
        return {}
    _, plaintext = APIToken.create_token(user=get_user_model().objects.get(pk=user_id), name="matrix")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def sees_in_bank_page(client: Client, solution) -> bool:
    return solution.title in client.get(solution.get_parent().url, {"q": solution.search_word}).text


def sees_solution_page(client: Client, solution) -> bool:
    response = client.get(solution.url)
    return response.status_code == 200 and solution.title in response.text


def sees_in_v3_results(client: Client, solution) -> bool:
    response = client.get("/api/v3/bank/search/", {"q": solution.search_word}, **_bearer(client))
    return any(hit["id"] == solution.pk for hit in response.json()["items"])


def sees_in_v3_facets(client: Client, solution) -> bool:
    response = client.get("/api/v3/bank/search/", {"q": solution.search_word}, **_bearer(client))
    return any(value["count"] for value in response.json()["facets"]["subject"])


def sees_in_v2_listing(client: Client, solution) -> bool:
    response = client.get("/api/v2/solutions/", {"limit": 100})
    return any(item["id"] == solution.pk for item in response.json()["items"])


def sees_in_v2_search(client: Client, solution) -> bool:
    response = client.get("/api/v2/solutions/", {"search": solution.search_word})
    return any(item["id"] == solution.pk for item in response.json()["items"])


def sees_in_v2_detail(client: Client, solution) -> bool:
    return client.get(f"/api/v2/solutions/{solution.pk}/").status_code == 200


def sees_in_rss(client: Client, solution) -> bool:
    return solution.title in client.get("/bank/feed/rss/").text


def sees_in_atom(client: Client, solution) -> bool:
    return solution.title in client.get("/bank/feed/atom/").text


def sees_in_suggestions(client: Client, solution) -> bool:
    response = client.get("/api/v3/bank/suggest/", {"q": solution.search_word}, **_bearer(client))
    return any(item["id"] == solution.pk for item in response.json()["items"])


# The bank's lists and search read precomputed rows that leave out every solution under a view restriction,
# whoever asks: stricter than the page itself, which Wagtail opens to those who pass the restriction.
BankListChannel = functools.partial(Channel, private_hidden=True)

CHANNELS = [
    BankListChannel("bank page HTML search results", make_solution, sees_in_bank_page),
    Channel("solution page HTML", make_solution, sees_solution_page),
    BankListChannel("API v3 bank search results", make_solution, sees_in_v3_results),
    BankListChannel("API v3 bank search facet counts", make_solution, sees_in_v3_facets),
    BankListChannel("API v3 bank title suggestions", make_solution, sees_in_suggestions),
    BankListChannel("API v2 solutions listing", make_solution, sees_in_v2_listing),
    BankListChannel("API v2 solutions search", make_solution, sees_in_v2_search),
    BankListChannel("API v2 solution detail", make_solution, sees_in_v2_detail),
    BankListChannel("RSS feed of new solutions", make_solution, sees_in_rss),
    BankListChannel("Atom feed of new solutions", make_solution, sees_in_atom),
]
