"""Demo pages are published as an editor publishes them: a revision, then its publication.

What exists is left as it is: a page whose slug is taken under its parent is never touched again, so that
loading the demo twice changes nothing and an editor's changes survive a reload.
"""

from wagtail.fields import StreamField
from wagtail.models import Page

from pages.demo.loading import Report


def in_block_format(page: Page) -> None:
    """The page's StreamFields as Wagtail's editor saves them: every block and list item with its id.

    Data files write list items as plain values; wagtail-localize extracts no string from such items, so
    translating the page would leave every list (segments, questions, roadmap tasks) untranslated."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            value = field.to_python(field.get_prep_value(getattr(page, field.name)))
            list(value)  # reads every block, so that get_prep_value writes them anew, ids included
            setattr(page, field.name, value.get_prep_value())


def publish(page: Page, **fields) -> Page:
    """Sets `fields` on `page` and publishes them as a new revision."""
    for name, value in fields.items():
        setattr(page, name, value)
    in_block_format(page)
    page.save_revision().publish()
    return page


def ensure_child(parent: Page, model: type[Page], *, slug: str, title: str, report: Report) -> tuple[Page, bool]:
    """The child of `parent` with `slug`, or a new unpublished one of `model`; and whether it is new.

    Pages that link to each other are made first and published once they all exist.
    """
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, live=False))
    report(f"Страница «{title}» создана")
    return page, True


def ensure_page(parent: Page, page: Page, *, report: Report) -> tuple[Page, bool]:
    """The child of `parent` with the slug of `page`, or `page` added and published; and whether it is new."""
    existing = parent.get_children().filter(slug=page.slug).specific().first()
    if existing:
        return existing, False
    page.locale = parent.locale
    page.live = False
    in_block_format(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report(f"Страница «{page.title}» создана")
    return page, True
