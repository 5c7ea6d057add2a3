"""The pages area of the demo: the standard pages, the roadmap and the school's contacts.

Texts are in standard.yaml, roadmap.yaml and school.yaml beside this module. The landing links to every
area, so it is built last, by `pages.demo.landing`.
"""

from wagtail.models import Page, Site

from pages.demo.data import read_data
from pages.demo.images import demo_image
from pages.demo.loading import Report
from pages.demo.publishing import ensure_child, publish
from pages.demo.streams import stream
from pages.demo.translation import english_strings
from pages.models import HomePage, RoadmapPage, SchoolSettings, StandardPage
from pages.selectors import SCHOOL_TEXT_FIELDS


def _specs() -> list[tuple[type[Page], dict, dict]]:
    """The model, the fields and the StreamField blocks (by field) of each standard page and the roadmap."""
    pages = read_data("pages.demo", "standard.yaml")["pages"]
    roadmap = read_data("pages.demo", "roadmap.yaml")
    return [
        *((StandardPage, spec, {"body": spec["body"]}) for spec in pages),
        (RoadmapPage, roadmap["page"], {"products": roadmap["products"]}),
    ]


def ensure_standard_pages(*, home: HomePage, report: Report) -> None:
    """The standard pages and the roadmap, all made before any is published, since they link to each other."""
    made = [
        (ensure_child(home, model, slug=spec["slug"], title=spec["title"], report=report), spec, streams)
        for model, spec, streams in _specs()
    ]
    for (page, created), spec, streams in made:
        if created:
            publish(
                page,
                introduction=spec["introduction"],
                show_in_menus=spec["show_in_menus"],
                **{name: stream(blocks, home=home) for name, blocks in streams.items()},
            )


def ensure_school_settings(*, home: HomePage, report: Report) -> None:
    """The school's contacts in the header and footer, unless an editor has named the school already; then the
    English of its texts (pages/demo/english.yaml), where the English fields are empty and the Russian ones
    are the demo's."""
    school = SchoolSettings.for_site(Site.objects.get(root_page=home))
    data = read_data("pages.demo", "school.yaml")
    if not school.school_name:
        for name, value in data["settings"].items():
            setattr(school, name, value)
        school.logo = demo_image(**data["logo"])
        school.save()
        report("Контакты школы заполнены")
    english = english_strings()
    translated = {
        f"{name}_en": english[value]
        for name in SCHOOL_TEXT_FIELDS
        if not getattr(school, f"{name}_en") and (value := getattr(school, name)) in english
    }
    if translated:
        for name, value in translated.items():
            setattr(school, name, value)
        school.save(update_fields=list(translated))
        report("Тексты школы переведены на английский")


def load_demo(*, home: HomePage, report: Report) -> None:
    ensure_standard_pages(home=home, report=report)
    ensure_school_settings(home=home, report=report)
