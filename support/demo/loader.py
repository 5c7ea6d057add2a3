"""Builds the support system of the demo under the home page. Safe to run again: what exists is left as it is."""

from collections.abc import Callable

from wagtail.models import Page

from support.demo import content
from support.models import (
    MaterialPage,
    MaterialsLibraryPage,
    ProgrammePage,
    RestRoomPage,
    SupportIndexPage,
    SupportSectionPage,
    SupportTopic,
)

Report = Callable[[str], None]


def _child(parent: Page, model, *, slug: str, title: str, report: Report, **fields) -> tuple[Page, bool]:
    """The child with this slug, or a new one published with `fields`."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing, False
    page = parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, live=False, **fields))
    page.save_revision().publish()
    report(f"Страница «{title}» создана")
    return page, True


def _stream(blocks) -> list[dict]:
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def _topics() -> dict[str, SupportTopic]:
    return {
        slug: SupportTopic.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in content.TOPICS.items()
    }


def _materials(library: Page, *, report: Report) -> dict[str, Page]:
    topics = _topics()
    materials = {}
    for spec in content.MATERIALS:
        groups = {f"for_{group}": True for group in spec["groups"]}
        page, created = _child(
            library,
            MaterialPage,
            slug=spec["slug"],
            title=spec["title"],
            report=report,
            kind=spec["kind"],
            introduction=spec["introduction"],
            body=_stream(spec["body"]),
            **groups,
        )
        if created:
            page.topics.set([topics[slug] for slug in spec["topics"]])
            page.save_revision().publish()
        materials[spec["slug"]] = page
    return materials


def _modules(modules: list[dict], materials: dict[str, Page]) -> list[dict]:
    return [
        {
            "type": "module",
            "value": {**module, "materials": [materials[item["material"]].pk for item in module["materials"]]},
        }
        for module in modules
    ]


def load_support_demo(home: Page, *, report: Report = print) -> dict[str, Page]:
    """The support index, its sections, programmes, materials library and the rest room.

    Returns the pages the landing links to, by slug: the support index and the parents' section.
    """
    index, _created = _child(
        home,
        SupportIndexPage,
        slug=content.INDEX["slug"],
        title=content.INDEX["title"],
        report=report,
        introduction=content.INDEX["introduction"],
        show_in_menus=True,
    )
    library, _created = _child(
        index,
        MaterialsLibraryPage,
        slug=content.LIBRARY["slug"],
        title=content.LIBRARY["title"],
        report=report,
        introduction=content.LIBRARY["introduction"],
    )
    materials = _materials(library, report=report)
    for spec in content.PROGRAMMES:
        _child(
            index,
            ProgrammePage,
            report=report,
            **{key: value for key, value in spec.items() if key != "modules"},
            modules=_modules(spec["modules"], materials),
        )
    sections = {}
    for spec in content.SECTIONS:
        sections[spec["slug"]], _created = _child(
            index, SupportSectionPage, report=report, **{**spec, "body": _stream(spec["body"])}
        )
    room = content.REST_ROOM
    _child(
        home,
        RestRoomPage,
        report=report,
        **{**room, "help_contacts": _stream(room["help_contacts"]), "sections": _stream(room["sections"])},
    )
    return {"support": index, "support-parents": sections["parents"]}
