"""Demo blocks in StreamField's raw form, with links to pages and demo pictures turned into their ids.

In a data file a link to a page is {page: PATH}, PATH being the page's slugs below the home page joined by
"/" ("regulations", "support/parents"), and a block's picture is image: TITLE, the title of a demo picture.
"""

from typing import Any

from wagtail.models import Page

from pages.demo.data import DemoDataError
from pages.demo.images import demo_image


def page_at(home: Page, path: str) -> Page:
    """The page at `path` below `home`, published or not yet."""
    page = home
    for slug in path.split("/"):
        child = page.get_children().filter(slug=slug).first()
        if child is None:
            raise DemoDataError(f"Нет страницы «{path}» под стартовой страницей (ссылка {{page: {path}}})")
        page = child
    return page


def resolve(value: Any, *, home: Page) -> Any:
    """`value` with every {page: PATH} and image: TITLE in it replaced by the id of that page or picture."""
    if isinstance(value, list):
        return [resolve(item, home=home) for item in value]
    if not isinstance(value, dict):
        return value
    resolved = {key: resolve(item, home=home) for key, item in value.items()}
    if isinstance(value.get("page"), str):
        resolved["page"] = page_at(home, value["page"]).pk
    if isinstance(value.get("image"), str):
        resolved["image"] = demo_image(title=value["image"]).pk
    return resolved


def stream(blocks: list[dict], *, home: Page) -> list[dict]:
    """A StreamField's raw value from a data file's list of {type, value} blocks."""
    return [{"type": block["type"], "value": resolve(block["value"], home=home)} for block in blocks]
