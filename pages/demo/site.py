"""The demo site's frame: the two languages, Wagtail's roots, and the landing as the default site's root."""

from wagtail.models import Collection, Locale, Page, Site

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.models import HomePage


def ensure_locales() -> tuple[Locale, Locale]:
    russian, _ = Locale.objects.get_or_create(language_code="ru")
    english, _ = Locale.objects.get_or_create(language_code="en")
    return russian, english


def ensure_tree_roots(*, russian: Locale) -> Page:
    """The root page and root collection that Wagtail's migrations create, remade if a flush removed them."""
    if not Collection.get_first_root_node():
        Collection.add_root(name="Все файлы")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Все сайты", slug="root", locale=russian))


def ensure_home(*, russian: Locale, report: Report) -> HomePage:
    """The site's root as a HomePage, replacing Wagtail's placeholder welcome page; its blocks come later."""
    existing = HomePage.objects.filter(locale=russian, depth=2).first()
    if existing:
        return existing
    title = read_data("pages.demo", "landing.yaml")["home"]["title"]
    site = Site.objects.filter(is_default_site=True).first()
    root = ensure_tree_roots(russian=russian)
    placeholder = Page.objects.filter(depth=2, slug="home").exclude(content_type__model="homepage").first()
    if placeholder:
        placeholder.delete()
    home = root.add_child(instance=HomePage(title=title, slug="home", locale=russian))
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = title
    site.save()
    report("Стартовая страница создана")
    return home


def ensure_site(*, report: Report) -> HomePage:
    """The home page every area's demo is built under."""
    russian, _english = ensure_locales()
    return ensure_home(russian=russian, report=report)
