"""Every kind of page and every API list takes a bounded number of SQL queries, the same whatever the amount
of content: counted for an anonymous visitor on the demo site, then again once more of everything is
published (solutions, events, menu pages, exhibits, images, documents).

The budgets (issue 16): the landing 12, every other page 15, every API list 8. What decides access is read
from the shared cache, as in production with Redis (coworking/settings/test.py).
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bank.models import SolutionBankPage
from exhibitions.models import Exhibit, ExhibitionHall, ExhibitionPage
from tests.bank.conftest import make_solution
from tests.events.conftest import make_event
from tests.factories import make_document, make_image
from tests.pages.channels import make_menu_page

LANDING, PAGE, API_LIST = 12, 15, 8

BUDGETS = {
    "/": LANDING,
    "/en/": LANDING + 1,  # the English landing links its pages through their translations
    "/model/": PAGE,
    "/roadmap/": PAGE,
    "/support/": PAGE,
    "/support/parents/": PAGE,
    "/exhibitions/": PAGE,
    "/exhibitions/economy-around-us/": PAGE,
    "/events/": PAGE,
    "/generator/": PAGE,
    "/bank/": PAGE,
    "/bank/?q=проект": PAGE,
    "/bank/solution-1/": PAGE,
    "/api/v2/pages/": API_LIST,
    "/api/v2/pages/?fields=*": API_LIST,
    "/api/v2/images/": API_LIST,
    "/api/v2/documents/": API_LIST,
    "/api/v2/solutions/?search=проект": API_LIST,
    "/api/v3/pages/": API_LIST,
    "/api/v3/images/": API_LIST,
    "/api/v3/documents/": API_LIST,
    "/api/v3/bank/search/?q=проект": API_LIST,
    "/api/v3/events/": API_LIST,
    "/api/v3/event-formats/": API_LIST,
    "/api/v3/exhibitions/": API_LIST,
    "/bank/feed/rss/": API_LIST,
}


def queries_per_url(client) -> dict[str, int]:
    """Each address asked twice: the first time makes what is made once (renditions, cached restrictions)."""
    counts = {}
    for url in BUDGETS:
        assert client.get(url).status_code == 200, url
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts[url] = len(queries)
    return counts


def publish_more_of_everything(home) -> None:
    bank = SolutionBankPage.objects.child_of(home).get()
    for number in range(6):
        make_solution(bank, title=f"Проект номер {number}", text="проект", tags=("экономика", f"тег{number}"))
    for number in range(6):
        make_event(f"Сессия {number}")
    for _ in range(3):
        make_menu_page(home, "everyone")
    exhibition = ExhibitionPage.objects.filter(locale__language_code="ru").get(slug="economy-around-us")
    image = make_image("Экспонат")
    exhibits = [Exhibit(sort_order=n, title=f"Экспонат {n}", image=image, image_alt="Рисунок") for n in range(4)]
    exhibition.halls.add(ExhibitionHall(sort_order=99, title="Новый зал", exhibits=exhibits))
    exhibition.save_revision().publish()
    for number in range(4):
        make_image(f"Снимок {number}")
        make_document(f"Протокол {number}")


def test_pages_and_api_lists_keep_within_their_query_budgets_whatever_the_amount_of_content(home, client):
    before = queries_per_url(client)
    publish_more_of_everything(home)
    after = queries_per_url(client)

    over = {url: count for url, count in after.items() if count > BUDGETS[url]}
    assert not over, f"over budget: {over}"
    grown = {url: (before[url], after[url]) for url in BUDGETS if before[url] != after[url]}
    assert not grown, f"queries grew with the content (before, after): {grown}"
