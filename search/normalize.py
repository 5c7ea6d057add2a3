"""Russian-aware text normalisation shared by indexing and querying.

Wagtail's database backend on SQLite knows no Russian stemming, so every backend indexes a text that is
already normalised here (lower case, ё→е, Snowball stems: Russian for Cyrillic words, English for Latin
ones) and every query goes through the same function. "Проектами", "проектов" and "ПРОЕКТ" all become
"проект", on SQLite, PostgreSQL and Elasticsearch alike.
"""

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[0-9a-zа-яё]+", re.IGNORECASE)
CYRILLIC = re.compile(r"[а-яё]")

# Words that carry no meaning for search; PostgreSQL's `russian` configuration drops them too, and SQLite
# would otherwise require them to be present (the default operator is AND).
STOP_WORDS = frozenset(
    "и в во на с со по для к ко о об от из у а но или не ни что как же бы ли за до при без над под про "
    "the a an of and or to in on for with by at is are".split()
)

_russian = snowballstemmer.stemmer("russian")
_english = snowballstemmer.stemmer("english")


def fold(text: str) -> str:
    """Lower case with ё and е as one letter: what both suggestions and stems start from."""
    return text.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """The Snowball stem of one folded word, in the word's own alphabet."""
    if word.isdigit():
        return word
    stemmer = _russian if CYRILLIC.search(word) else _english
    return stemmer.stemWord(word)


def words(text: str) -> list[str]:
    """The folded words of a text; hyphens and punctuation separate words, as in the backends' tokenizers."""
    return WORD.findall(fold(text or ""))


def stems(text: str) -> list[str]:
    """Stems of the meaningful words of a text, in order."""
    return [stem(word) for word in words(text) if word not in STOP_WORDS]


def normalize(text: str) -> str:
    """The text as the search index and the query both see it."""
    return " ".join(stems(text))
