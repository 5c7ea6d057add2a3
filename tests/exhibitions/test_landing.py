"""The landing's "current exhibitions" block lists live exhibitions open today that the visitor may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.exhibitions.builders import make_exhibition

pytestmark = pytest.mark.django_db

BLOCK = {"title": "Сейчас открыты выставки", "count": 3, "empty_text": "Выставок сейчас нет."}


@pytest.fixture
def landing(empty_home):
    empty_home.body = [{"type": "current_exhibitions", "value": BLOCK}]
    empty_home.save_revision().publish()
    return empty_home


def section(html: str) -> str:
    return html.split("landing-section--current_exhibitions")[1].split("</section>")[0]


def test_block_shows_an_empty_state_when_nothing_is_open(client, landing):
    assert "Выставок сейчас нет." in section(client.get("/").text)


def test_block_lists_only_open_visible_live_exhibitions(client, staff_client, landing):
    make_exhibition(landing, title="Открыта для всех")
    make_exhibition(landing, title="Для резидентов", audience="residents")
    make_exhibition(landing, title="Ещё не открылась", opens_in_days=2)
    make_exhibition(landing, title="Уже закрылась", opens_in_days=-20, closes_in_days=-1)
    make_exhibition(landing, title="Постоянная", closes_in_days=None)
    draft = make_exhibition(landing, title="Черновик")
    draft.unpublish()
    anonymous = section(client.get("/").text)
    assert "Открыта для всех" in anonymous and "Постоянная" in anonymous
    for hidden in ["Для резидентов", "Ещё не открылась", "Уже закрылась", "Черновик"]:
        assert hidden not in anonymous
    assert "Для резидентов" in section(staff_client.get("/").text)


def test_block_shows_at_most_the_number_the_editor_chose(client, landing):
    for number in range(5):
        make_exhibition(landing, title=f"Выставка {number}")
    assert section(client.get("/").text).count('class="card"') == 3


def test_landing_costs_the_same_queries_with_more_exhibitions_and_more_blocks(client, landing):
    make_exhibition(landing, title="Первая")

    def count() -> int:
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    before = count()
    for number in range(6):
        make_exhibition(landing, title=f"Ещё {number}")
    landing.body = [{"type": "current_exhibitions", "value": BLOCK}] * 3
    landing.save_revision().publish()
    assert count() == before
