"""What an English page may not show: Russian words outside names of people and places. Shared by the check of
every English page object (tests/pages/test_english.py) and the crawl of every English page a reader reaches
(tests/pages/test_english_crawl.py)."""

import re
from html.parser import HTMLParser

from django.contrib.auth import get_user_model

from bank.models import TeamMember
from residents.models import Membership

CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё][А-Яа-яЁё\-]*")
# Names of people and places the English pages may keep in Cyrillic: none are needed today, the demo's
# English transliterates them (Sferum, Moskovsky District). Add a name here only if it has no English form.
NAMES: set[str] = set()


class VisibleText(HTMLParser):
    """The text a reader sees, without scripts, and without parts marked as another language (`lang="ru"`:
    the language switch's «Русский»)."""

    SKIPPED = {"script", "style", "template", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang", "en")
        self.stack.append(tag in self.SKIPPED or not lang.startswith("en"))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not any(self.stack):
            self.parts.append(data)


def russian_words(html: str, *, texts: list[str] = (), names: set[str] | None = None) -> list[str]:
    """The Cyrillic words a reader sees on the page, less the given `texts` and `names` (by default the
    students' display names on solutions)."""
    parser = VisibleText()
    parser.feed(html)
    text = " ".join(" ".join(parser.parts).split())
    names = NAMES | (team_names() if names is None else names)
    for value in texts:
        text = text.replace(" ".join(value.split()), "")
    return [word for word in CYRILLIC_WORD.findall(text) if word not in names]


def people_names() -> set[str]:
    """The words of the site's users' names and their initials («Анна К.»), and of the public names residents
    chose: a resident's own name in «Мой коворкинг», a project's team and the people one may add to it."""
    names = [
        *get_user_model().objects.values_list("first_name", "last_name"),
        *Membership.objects.values_list("public_name"),
    ]
    words = {word for row in names for name in row for word in CYRILLIC_WORD.findall(name)}
    return words | {word[0] for word in words}


def team_names() -> set[str]:
    """Students' display names on solutions («Анна К.»): names of people, kept as the editor wrote them."""
    return {
        word
        for name in TeamMember.objects.values_list("display_name", flat=True)
        for word in CYRILLIC_WORD.findall(name)
    }
