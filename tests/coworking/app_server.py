"""One app server for the shared-cache tests: a Django process that answers commands on its standard input,
one a line, with one line of JSON each. Two of them, over one database and one Redis, are two workers.

Commands: `build` (a home page, the bank, one solution open to everyone), `get <path>` (the status and the
page's text, through Django's whole request handling), `restrict <path>` (an editor's login restriction on
the page at that URL path).
"""

import json
import sys

import django

django.setup()

from django.test import Client  # noqa: E402
from wagtail.models import Page, PageViewRestriction  # noqa: E402

from bank.demo.loader import ensure_bank, ensure_taxonomies  # noqa: E402
from bank.models import SolutionPage  # noqa: E402
from tests.factories import make_empty_home  # noqa: E402


def build() -> dict:
    home = make_empty_home()
    subjects, types = ensure_taxonomies()
    bank = ensure_bank(home, report=lambda line: None)
    solution = SolutionPage(
        title="Решение общедоступное",
        slug="open-solution",
        summary="Кратко",
        problem="Проблема",
        goal="Цель",
        result="Результат",
        grade_from=5,
        grade_to=6,
        academic_year=2024,
        project_type=types[False],
        live=False,
    )
    solution.subjects = [subjects["informatics"]]
    bank.add_child(instance=solution)
    solution.save_revision().publish()
    return {"solution": solution.url}


def get(path: str) -> dict:
    response = Client().get(path)
    return {"status": response.status_code, "text": response.content.decode()}


def restrict(path: str) -> dict:
    page = Page.objects.get(url_path=f"/home{path}")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return {"restricted": page.pk}


COMMANDS = {"build": build, "get": get, "restrict": restrict}

for line in sys.stdin:
    name, _, argument = line.strip().partition(" ")
    answer = COMMANDS[name](argument) if argument else COMMANDS[name]()
    print(json.dumps(answer), flush=True)
