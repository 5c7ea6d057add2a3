"""Every English page a reader can reach reads in English (issue 15): not only the page objects that
tests/pages/test_english.py opens, but every view a link leads to from the English landing — an event, the
calendar and its filters, an exhibit, the generator's result, search results, a solution's sub-views,
«Мой коворкинг», the projects workspace, the login and password pages, the 404 page.

The crawl starts at /en/ (and a resident's /en/account/ and /en/projects/) and follows the links (`<a href>`)
that stay on the site and under /en/; a link from an English page to a view of the Russian site (/account/,
/projects/: the views that are not pages take their language from the address too) is reported. It is done by
an anonymous visitor, a signed-in resident (the demo's student, who has projects and registrations) and an
editor. Downloads, feeds, the admin, media and the API are not followed; of the addresses that differ only by
their query (filters, pages of a list) one per path is, and three months of the calendar.
"""

import datetime
import re
import time
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from projects.models import Artefact, Checkpoint, Post, Project
from residents.models import Membership, Partner
from tests.english import CYRILLIC_WORD, people_names, russian_words, team_names

pytestmark = pytest.mark.django_db

ENGLISH = "/en/"
# The views that are not pages: an English page links to their English addresses (/en/account/...).
VIEWS = ("/account/", "/projects/", "/experts/", "/contribute/")
# Not pages to read: files, feeds, the admin, the API, switches that redirect back, signing out.
SKIPPED = re.compile(
    r"^/(admin|documents|media|api|static|i18n|low-vision|sitemap\.xml|robots\.txt|bank/feed)/?"
    r"|\.(ics|xlsx|csv|pdf|xml|json|zip|docx?|txt)$|/file/$|/feed/|/ical/$|/logout/|/do/"
)
# A month of the calendar links to the months before and after it, without end: three months are read.
MONTH = re.compile(r"/\d{4}/\d{1,2}/$")
MONTHS_READ = 3
# The projects' own rows are left in Russian (`projects_content`), so the pages of three projects (their page,
# settings, team) check the workspace's own words as well as all of them would.
PROJECT_PAGE = re.compile(r"^/en/projects/(\d+)/")
PROJECTS_READ = 3


# Left in Russian for now, by text rather than by page (the pages' own words are still checked): the projects
# workspace's rows are not translatable models — the teams' own writing (titles, summaries, checkpoints,
# artefacts, journal posts, join requests) and partner organisations' names (`residents.Partner`). The stages
# (`projects.Stage`) are translated snippets and read in English.
def projects_content() -> list[str]:
    texts = [
        *Project.objects.values_list("title", "summary", "problem", "goal", "result", "roles_sought"),
        *Checkpoint.objects.values_list("title"),
        *Artefact.objects.values_list("title"),
        *Post.objects.values_list("text"),
        *Partner.objects.values_list("name", "contract_number"),
    ]
    return [text for row in texts for text in row if text]


MAX_PAGES = 600  # per reader: the demo has ~250; a crawl that grows past this has found an endless list
NOT_FOUND = "/en/no-such-page/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and (href := dict(attrs).get("href")):
            self.hrefs.append(href)


def followed(url: str, base: str) -> str | None:
    """The address to visit for a link on `base`, or None when it leaves the English site or is not a page."""
    parts = urlsplit(urljoin(base, url))
    if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path
    if not path.startswith((ENGLISH, *VIEWS)) or SKIPPED.search(path):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def school_classes() -> set[str]:
    """The school's names of its classes («9Б»): a resident's own class in «Мой коворкинг»."""
    return {
        word
        for name in Membership.objects.values_list("school_class", flat=True)
        for word in CYRILLIC_WORD.findall(name)
    }


def crawl(client: Client, start: list[str]) -> tuple[dict[str, list[str]], dict[str, int], int]:
    """Russian words by URL, URLs answering neither a page (200, a refusal) nor a redirect, and the number of
    pages read."""
    texts = sorted(set(projects_content()), key=len, reverse=True)
    names = team_names() | people_names() | school_classes()
    queue, seen, queried, months, projects = deque(start), set(start), set(), Counter(), set()
    russian, broken, read = {}, {}, 0
    while queue:
        url = queue.popleft()
        if url.startswith(VIEWS):
            russian.setdefault(url, ["(a link from an English page to the Russian site)"])
            continue
        response = client.get(url)
        read += 1
        assert read <= MAX_PAGES, f"more than {MAX_PAGES} pages: {url}"
        if response.status_code in (301, 302):
            links = [response["Location"]]
        elif response.status_code in (200, 403) or url == NOT_FOUND:  # a refusal is a page to read too
            if not response["Content-Type"].startswith("text/html"):
                continue
            html = response.content.decode()
            if '<html lang="en"' not in html:
                russian[url] = ["(the page is not in English)"]
            elif words := russian_words(html, texts=texts, names=names):
                russian[url] = words[:12]
            parser = Links()
            parser.feed(html)
            links = parser.hrefs
        else:
            broken[url] = response.status_code
            continue
        for link in links:
            target = followed(link, url)
            if target is None or target in seen:
                continue
            path, _, query = target.partition("?")
            if month := MONTH.search(path):
                months[path[: month.start()]] += 1
                if months[path[: month.start()]] > MONTHS_READ:
                    continue
            if (project := PROJECT_PAGE.match(path)) and not sampled(projects, project[1]):
                continue
            if query:  # one address with a query per path: a filter or a page of a list, not all of them
                if path in queried:
                    continue
                queried.add(path)
            seen.add(target)
            queue.append(target)
    return russian, broken, read


def sampled(projects: set[str], project: str) -> bool:
    """True for the pages of the first PROJECTS_READ projects met."""
    if len(projects) < PROJECTS_READ:
        projects.add(project)
    return project in projects


def report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{url}: {' '.join(words)}" for url, words in sorted(found.items()))


def results() -> list[str]:
    """Pages that answer a form, which the crawl does not fill in: the bank's search results and the generator's
    programme, asked in English."""
    day = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    generator = {"event_format": "hackathon", "topic": "School yard", "date": day, "time": "10:00"}
    generator |= {"duration": 480, "participants": 30}
    return ["/en/bank/?" + urlencode({"q": "greenhouse"}), "/en/generator/?" + urlencode(generator)]


READERS = {
    "anonymous": lambda: None,
    "resident": lambda: get_user_model().objects.get(username="demo-student"),
    "staff": lambda: get_user_model().objects.create_superuser("editor", "editor@example.org", "password"),
}


@pytest.mark.parametrize("reader", READERS)
def test_every_english_page_a_reader_reaches_reads_in_english(client, home, reader):
    user = READERS[reader]()
    start = [ENGLISH, NOT_FOUND, *results()]
    if user is not None:
        client.force_login(user)
        start += ["/en/account/", "/en/projects/"]
    started = time.perf_counter()
    russian, broken, read = crawl(client, start)
    print(f"{reader}: {read} pages in {time.perf_counter() - started:.1f} s")
    assert read >= 40
    assert not broken, broken
    assert not russian, report(russian)
