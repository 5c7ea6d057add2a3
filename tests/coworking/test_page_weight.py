"""The landing's weight on a first visit from a phone (issue 16 item 6): at most 100 KB transferred.

What a browser 375 px wide (device pixel ratio 1) fetches on an empty cache: the HTML, gzipped as the site
sends it; the style sheets and scripts it names, gzipped as whitenoise serves them in production, with the
fonts and pictures the style sheets point at; the icon and the web manifest; every picture of the page, lazy
ones included (a conservative sum), each as the candidate of its `srcset` the browser picks for 375 px.
"""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from django.contrib.staticfiles import finders
from django.test import Client

BUDGET = 100 * 1024
WIDTH = 375


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        rel = attributes.get("rel", "")
        if (tag == "link" and rel in ("stylesheet", "manifest")) or (tag == "link" and rel == "icon" and not self.icon):
            self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])
        elif tag == "img":
            self.urls.append(chosen_candidate(attributes))

    @property
    def icon(self) -> bool:
        return any("favicon" in url for url in self.urls)


def chosen_candidate(attributes: dict) -> str:
    """The `srcset` candidate a browser picks for a 375 px wide slot: the narrowest at least as wide."""
    candidates = []
    for item in (attributes.get("srcset") or "").split(","):
        if item.strip():
            url, _, width = item.strip().partition(" ")
            candidates.append((int(width.rstrip("w")), url))
    wide_enough = sorted(candidate for candidate in candidates if candidate[0] >= WIDTH)
    return wide_enough[0][1] if wide_enough else attributes["src"]


def transferred(client: Client, url: str) -> tuple[int, bytes]:
    """Bytes on the wire for one address, and its (uncompressed) content."""
    if url.startswith("/static/"):
        content = Path(finders.find(url.removeprefix("/static/"))).read_bytes()
    else:
        response = client.get(url)
        assert response.status_code == 200, url
        content = b"".join(response.streaming_content) if response.streaming else response.content
    textual = url.split("?")[0].endswith((".css", ".js", ".svg", ".webmanifest", ".html", "/"))
    return (len(gzip.compress(content)) if textual else len(content)), content


def test_the_landing_transfers_at_most_100_kb_on_a_first_visit_at_375_px(home, client):
    page = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    sizes = {"/": len(page.content)}
    parser = Assets()
    parser.feed(gzip.decompress(page.content).decode())
    queue = list(parser.urls)
    assert any(url.endswith(".css") for url in queue) and any("/media/" in url for url in queue)
    while queue:
        url = queue.pop(0)
        if url in sizes or url.startswith(("data:", "http")):
            continue
        sizes[url], content = transferred(client, url)
        if url.endswith(".css"):
            referenced = re.findall(r"url\(['\"]?([^'\")]+)['\"]?\)", content.decode())
            queue += [urljoin(url, found) for found in referenced if not found.startswith("data:")]
    total = sum(sizes.values())
    listing = "\n".join(f"{size:>8} {url}" for url, size in sorted(sizes.items(), key=lambda item: -item[1]))
    print(f"the landing at {WIDTH} px: {total} bytes\n{listing}")
    assert total <= BUDGET, f"{total} bytes over {BUDGET}:\n{listing}"
