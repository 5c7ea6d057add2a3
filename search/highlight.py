"""Result snippets with the matched words marked, whatever form of the word the text uses."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.normalize import STOP_WORDS, fold, stem

TOKEN = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+")


def _matches(word: str, query_stems: set[str]) -> bool:
    folded = fold(word)
    return folded not in STOP_WORDS and stem(folded) in query_stems


def highlight(text: str, query_stems: set[str], *, length: int = 240) -> SafeString:
    """An escaped excerpt of `text` around the first match, matched words in <mark>."""
    text = " ".join((text or "").split())
    tokens = list(TOKEN.finditer(text))
    first = next((token for token in tokens if _matches(token.group(), query_stems)), None)
    start = 0
    if first is not None and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = len(text) if len(text) - start <= length else text.rfind(" ", start, start + length)
    if end <= start:
        end = min(len(text), start + length)
    excerpt = text[start:end]
    pieces, cursor = [], 0
    for token in TOKEN.finditer(excerpt):
        if _matches(token.group(), query_stems):
            pieces.append(escape(excerpt[cursor : token.start()]))
            pieces.append(f"<mark>{escape(token.group())}</mark>")
            cursor = token.end()
    pieces.append(escape(excerpt[cursor:]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)  # noqa: S308 (every piece is escaped above)


def has_match(text: str, query_stems: set[str]) -> bool:
    return any(_matches(token.group(), query_stems) for token in TOKEN.finditer(text or ""))
