"""The support system of the demo: its index, materials library, programmes, sections and the rest room.

Texts are in support.yaml, materials.yaml and rest_room.yaml beside this module.
"""

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.demo.snippet_translation import ensure_english_snippets
from pages.demo.streams import stream
from pages.localized import sources
from pages.models import HomePage
from support.models import (
    MaterialPage,
    MaterialsLibraryPage,
    ProgrammePage,
    RestRoomPage,
    SupportIndexPage,
    SupportSectionPage,
    SupportTopic,
)


def _topics(names: dict[str, str], *, report: Report) -> dict[str, SupportTopic]:
    """The Russian topics by slug (the materials point at them), each with its English version."""
    russian = sources(SupportTopic.objects.all())
    topics = {slug: russian.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in names.items()}
    ensure_english_snippets(topics.values(), package="support.demo", report=report)
    return topics


def ensure_materials(library: MaterialsLibraryPage, *, home: HomePage, report: Report) -> dict[str, MaterialPage]:
    """The library's materials by slug, each for its groups and on its topics."""
    data = read_data("support.demo", "materials.yaml")
    topics = _topics(data["topics"], report=report)
    materials = {}
    for spec in data["materials"]:
        page = MaterialPage(
            slug=spec["slug"],
            title=spec["title"],
            kind=spec["kind"],
            introduction=spec["introduction"],
            body=stream(spec["body"], home=home),
            **{f"for_{group}": True for group in spec["groups"]},
        )
        page.topics = [topics[slug] for slug in spec["topics"]]
        materials[spec["slug"]], _created = ensure_page(library, page, report=report)
    return materials


def _modules(modules: list[dict], materials: dict[str, MaterialPage]) -> list[dict]:
    """Programme modules in raw form, their materials named by slug in the data file."""
    return [
        {
            **block,
            "value": {**block["value"], "materials": [materials[slug].pk for slug in block["value"]["materials"]]},
        }
        for block in modules
    ]


def _programme(spec: dict, materials: dict[str, MaterialPage]) -> ProgrammePage:
    fields = {name: value for name, value in spec.items() if name != "modules"}
    return ProgrammePage(**fields, modules=_modules(spec["modules"], materials))


def ensure_rest_room(*, home: HomePage, report: Report) -> None:
    room = read_data("support.demo", "rest_room.yaml")["rest_room"]
    streams = {name: stream(room[name], home=home) for name in ("help_contacts", "sections")}
    ensure_page(home, RestRoomPage(**{**room, **streams}), report=report)


def load_demo(*, home: HomePage, report: Report) -> None:
    data = read_data("support.demo", "support.yaml")
    index, _created = ensure_page(home, SupportIndexPage(**data["index"], show_in_menus=True), report=report)
    library, _created = ensure_page(index, MaterialsLibraryPage(**data["library"]), report=report)
    materials = ensure_materials(library, home=home, report=report)
    for spec in data["programmes"]:
        ensure_page(index, _programme(spec, materials), report=report)
    for spec in data["sections"]:
        ensure_page(index, SupportSectionPage(**{**spec, "body": stream(spec["body"], home=home)}), report=report)
    ensure_rest_room(home=home, report=report)
