"""Channels of the pages app for the access matrix (tests/access): page HTML, the main menu, API v2 and v3
(session and bearer token), API search, sitemap.xml, and the documents and images that pages use."""

import functools
import itertools

from wagtail.models import Page

from pages.models import StandardPage
from tests.access.channels import Channel
from tests.access.clients import token_client
from tests.factories import make_document, make_image

_numbers = itertools.count(1)

# A document or image used by one page: restricted through that page or through its collection.
FileChannel = functools.partial(Channel, item_kind="file")


def is_the_file(response) -> bool:
    """The file itself came back, not a page asking for a password or a login (which answers 200 too)."""
    return response.status_code == 200 and response.has_header("Content-Disposition")


def make_page(home, audience: str, **extra) -> StandardPage:
    number = next(_numbers)
    page = StandardPage(
        title=f"Страница {audience} {number}",
        slug=f"page-{audience}-{number}",
        introduction=f"Маркерслово{number}",
        audience=audience,
        **extra,
    )
    home.add_child(instance=page)
    page.search_word = f"Маркерслово{number}"
    return page


def make_menu_page(home, audience: str) -> StandardPage:
    return make_page(home, audience, show_in_menus=True)


def make_page_document(home, audience: str):
    """A document used only by one page of the given audience."""
    document = make_document(title=f"Протокол {audience}")
    make_page(home, audience, body=[("documents", {"title": "", "documents": [document]})])
    return document


def make_page_image(home, audience: str):
    """An image used only by one page of the given audience."""
    image = make_image(title=f"Снимок {audience}")
    make_page(home, audience, body=[("image", {"image": image, "alt_text": "Снимок", "caption": ""})])
    return image


def make_chosen_page(home, audience: str) -> StandardPage:
    """A page of the given audience chosen in a link block of a public page (the item is the chosen page)."""
    page = make_page(home, audience)
    link = {"label": "Подробнее", "page": page, "external_url": ""}
    page.linking_page = make_page(
        home, "everyone", body=[("call_to_action", {"title": "Призыв", "text": "", "link": link})]
    )
    return page


def link_in_html(client, page) -> bool:
    return f'href="{page.url}"' in client.get(page.linking_page.url).content.decode()


def link_in_api(client, page) -> bool:
    response = client.get(f"/api/v2/pages/{page.linking_page.pk}/")
    return response.status_code == 200 and page.full_url in response.content.decode()


def ids(response) -> set[int]:
    if response.status_code != 200:
        return set()
    return {item["id"] for item in response.json()["items"]}


def html_shows(client, page) -> bool:
    response = client.get(page.url)
    return response.status_code == 200 and page.title in response.content.decode()


def menu_shows(client, page) -> bool:
    home = Page.objects.get(pk=page.get_parent().pk)
    return page.title in client.get(home.url).content.decode()


CHANNELS = [
    Channel("page HTML", make_page, html_shows),
    Channel("main menu on the landing", make_menu_page, menu_shows),
    Channel("link block (chosen page) HTML", make_chosen_page, link_in_html),
    Channel("API v2 link block (chosen page)", make_chosen_page, link_in_api),
    Channel(
        "API v2 pages listing", make_page, lambda c, p: p.pk in ids(c.get("/api/v2/pages/?type=pages.StandardPage"))
    ),
    Channel("API v2 page detail", make_page, lambda c, p: c.get(f"/api/v2/pages/{p.pk}/").status_code == 200),
    Channel(
        "API v2 page detail, bearer token",
        make_page,
        lambda c, p: token_client(c).get(f"/api/v2/pages/{p.pk}/").status_code == 200,
    ),
    Channel(
        "API v2 pages search", make_page, lambda c, p: p.pk in ids(c.get(f"/api/v2/pages/?search={p.search_word}"))
    ),
    Channel("API v3 pages listing", make_page, lambda c, p: p.pk in ids(c.get("/api/v3/pages/?limit=100"))),
    Channel("API v3 page detail", make_page, lambda c, p: c.get(f"/api/v3/pages/{p.pk}/").status_code == 200),
    Channel(
        "API v3 pages listing, bearer token",
        make_page,
        lambda c, p: p.pk in ids(token_client(c).get("/api/v3/pages/?limit=100")),
    ),
    Channel(
        "API v3 page detail, bearer token",
        make_page,
        lambda c, p: token_client(c).get(f"/api/v3/pages/{p.pk}/").status_code == 200,
    ),
    Channel(
        "sitemap.xml",
        make_page,
        lambda c, p: p.full_url in c.get("/sitemap.xml").content.decode(),
        public_only=True,
    ),
    FileChannel("document download", make_page_document, lambda c, d: is_the_file(c.get(d.url))),
    FileChannel("API v2 documents listing", make_page_document, lambda c, d: d.pk in ids(c.get("/api/v2/documents/"))),
    FileChannel(
        "API v2 documents listing, bearer token",
        make_page_document,
        lambda c, d: d.pk in ids(token_client(c).get("/api/v2/documents/")),
    ),
    FileChannel(
        "API v3 document detail",
        make_page_document,
        lambda c, d: c.get(f"/api/v3/documents/{d.pk}/").status_code == 200,
    ),
    FileChannel(
        "API v3 documents listing",
        make_page_document,
        lambda c, d: d.pk in ids(token_client(c).get("/api/v3/documents/?limit=100")),
    ),
    FileChannel(
        "API v2 document detail",
        make_page_document,
        lambda c, d: c.get(f"/api/v2/documents/{d.pk}/").status_code == 200,
    ),
    FileChannel("API v3 images listing", make_page_image, lambda c, i: i.pk in ids(c.get("/api/v3/images/?limit=100"))),
    FileChannel(
        "API v2 image detail", make_page_image, lambda c, i: c.get(f"/api/v2/images/{i.pk}/").status_code == 200
    ),
    FileChannel("API v2 images listing", make_page_image, lambda c, i: i.pk in ids(c.get("/api/v2/images/"))),
    FileChannel(
        "API v3 image detail", make_page_image, lambda c, i: c.get(f"/api/v3/images/{i.pk}/").status_code == 200
    ),
]

CHANNELS += [
    FileChannel("image file (original)", make_page_image, lambda c, i: c.get(i.file.url).status_code == 200),
    FileChannel(
        "image file (rendition)",
        make_page_image,
        lambda c, i: c.get(i.get_rendition("width-20").url).status_code == 200,
    ),
    FileChannel(
        "document file under MEDIA_URL",
        make_page_document,
        lambda c, d: c.get(d.file.url).status_code == 200,
    ),
]
