"""The bank's counts in Russian take the form the number asks for: «использовали 1 раз, 2 раза, 5 раз»,
«найдено 1 решение, 3 решения, 5 решений»."""

import pytest

from bank.models import ReuseReport
from tests.access.users import make_user
from tests.bank.conftest import make_solution

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("published", "text"), [(1, "1 раз."), (2, "2 раза."), (5, "5 раз.")])
def test_the_solution_page_counts_published_reuse_stories_in_russian(client, bank, published, text):
    solution = make_solution(bank, title="Метеостанция")
    author = make_user("storyteller")
    for number in range(published + 1):
        ReuseReport.objects.create(
            solution=solution, author=author, story=f"История {number}", where="7А", published=number < published
        )
    assert f"Решение использовали {text}" in client.get(solution.url).content.decode()


@pytest.mark.parametrize(("count", "text"), [(1, "Найдено 1 решение"), (3, "Найдено 3 решения")])
def test_the_bank_page_counts_found_solutions_in_russian(client, bank, count, text):
    for number in range(count):
        make_solution(bank, title=f"Метеостанция {number}", text="датчики")
    assert text in client.get(bank.url, {"q": "метеостанция"}).content.decode()
