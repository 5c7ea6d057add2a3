"""Builds the demo site from the seed documents. Safe to run again: what exists is left as it is."""

from collections.abc import Callable

from django.db import transaction
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from bank.demo.loader import load_bank_demo
from events.demo import load_events_demo
from exhibitions.demo.loader import load_exhibitions
from meetings.demo import load_meetings_demo
from pages.demo.images import demo_image
from pages.demo.landing import HOME, SCHOOL_SETTINGS
from pages.demo.roadmap import ROADMAP
from pages.demo.standard import PAGES
from pages.demo.translations import ENGLISH
from pages.models import HomePage, RoadmapPage, SchoolSettings, StandardPage
from support.demo.loader import load_support_demo

Report = Callable[[str], None]


def _resolve_links(value, pages_by_slug: dict[str, Page]):
    """Replaces {"page": "<slug>"} in demo block values with the id of the demo page."""
    if isinstance(value, dict):
        resolved = {key: _resolve_links(item, pages_by_slug) for key, item in value.items()}
        if isinstance(value.get("page"), str):
            resolved["page"] = pages_by_slug[value["page"]].pk
        return resolved
    if isinstance(value, list):
        return [_resolve_links(item, pages_by_slug) for item in value]
    return value


def _stream(blocks, pages_by_slug) -> list[dict]:
    """Demo blocks in StreamField's raw JSON form, so that ids of pages and images are plain numbers."""
    return [{"type": block_type, "value": _resolve_links(value, pages_by_slug)} for block_type, value in blocks]


def ensure_locales() -> tuple[Locale, Locale]:
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return russian, english


def ensure_tree_roots(*, russian: Locale) -> Page:
    """The root page and root collection that Wagtail's migrations create, remade if a flush removed them."""
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root", locale=russian))


def ensure_home(*, russian: Locale, report: Report) -> tuple[HomePage, bool]:
    """The site's root as a HomePage, replacing Wagtail's placeholder welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    existing = HomePage.objects.filter(locale=russian, depth=2).first()
    if existing:
        return existing, False
    root = ensure_tree_roots(russian=russian)
    placeholder = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    if placeholder:
        placeholder.delete()
    home = root.add_child(instance=HomePage(title=HOME["title"], slug="home", locale=russian))
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = HOME["title"]
    site.save()
    report("Стартовая страница создана")
    return home, True


def _publish(page: Page, **fields) -> Page:
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def ensure_child(parent: Page, model, *, slug: str, title: str, report: Report) -> Page:
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing:
        return existing
    page = parent.add_child(instance=model(title=title, slug=slug, locale=parent.locale, live=False))
    report(f"Страница «{title}» создана")
    return page


@transaction.atomic
def load_demo(*, report: Report = print) -> None:
    russian, english = ensure_locales()
    home, home_created = ensure_home(russian=russian, report=report)

    pages_by_slug = {}
    for spec in PAGES:
        pages_by_slug[spec["slug"]] = ensure_child(
            home, StandardPage, slug=spec["slug"], title=spec["title"], report=report
        )
    pages_by_slug["roadmap"] = ensure_child(
        home, RoadmapPage, slug=ROADMAP["slug"], title=ROADMAP["title"], report=report
    )

    for spec in PAGES:
        page = pages_by_slug[spec["slug"]]
        if not page.live:
            _publish(
                page,
                introduction=spec["introduction"],
                show_in_menus=spec["show_in_menus"],
                body=_stream(spec["body"], pages_by_slug),
            )
    roadmap = pages_by_slug["roadmap"]
    if not roadmap.live:
        _publish(
            roadmap,
            introduction=ROADMAP["introduction"],
            show_in_menus=ROADMAP["show_in_menus"],
            products=_stream([("product", product) for product in ROADMAP["products"]], pages_by_slug),
        )
    pages_by_slug.update(load_support_demo(home, report=report))
    if home_created:
        body = _stream(HOME["body"], pages_by_slug)
        hero = next(block["value"] for block in body if block["type"] == "hero")
        hero["image"] = demo_image(title="Цифровое коворкинговое пространство").pk
        _publish(
            home,
            introduction=HOME["introduction"],
            seo_title=HOME["seo_title"],
            search_description=HOME["search_description"],
            body=body,
        )

    load_exhibitions(home=home, report=report)

    site = Site.objects.get(root_page=home)
    school = SchoolSettings.for_site(site)
    if not school.school_name:
        for name, value in SCHOOL_SETTINGS.items():
            setattr(school, name, value)
        school.logo = demo_image(title="Логотип лицея", width=256, height=256)
        school.save()
        report("Контакты школы заполнены")

    load_events_demo(home=home, report=report)
    load_meetings_demo(home, report=report)
    load_bank_demo(home, report=report)
    ensure_english_translation(home, english=english, report=report)


def ensure_english_translation(page: Page, *, english: Locale, report: Report) -> None:
    """Translates a page into English through wagtail-localize, as an editor would with a PO file.

    Strings without an English version fall back to the Russian source until an editor translates them.
    """
    if page.get_translation_or_none(english):
        return
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    po_file = translation.export_po()
    for entry in po_file:
        if entry.msgid in ENGLISH:
            entry.msgstr = ENGLISH[entry.msgid]
    translation.import_po(po_file)
    translation.save_target(publish=True)
    report(f"Английская версия «{page.title}» опубликована")
