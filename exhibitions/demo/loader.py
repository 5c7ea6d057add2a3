"""The demo exhibitions under the home page, from exhibitions.yaml beside this module.

Pictures are drawn locally (an exhibit's `scene` says what the picture shows, and gives its alt text); an
exhibit's number counts its exhibits across the halls of its exhibition.
"""

from datetime import date

from django.utils import timezone
from wagtail.documents import get_document_model

from exhibitions.models import Exhibit, ExhibitionHall, ExhibitionIndexPage, ExhibitionPage
from pages.demo.data import day, read_data
from pages.demo.documents import demo_pdf
from pages.demo.images import demo_image, scene_alt
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.demo.snippet_translation import ensure_english_snippets
from pages.models import HomePage
from people.models import Person


def _document(spec: dict, *, exhibition: str):
    """The exhibit's leaflet: a PDF of the exhibit's title with its description and authors."""
    Document = get_document_model()
    existing = Document.objects.filter(title=spec["title"]).first()
    if existing:
        return existing
    paragraphs = [spec["description"], *([f"Авторы: {spec['authors']}."] if spec["authors"] else [])]
    file = demo_pdf(
        spec["title"], name="pamyatka.pdf", subtitle=f"Экспонат выставки «{exhibition}»", paragraphs=paragraphs
    )
    return Document.objects.create(title=spec["title"], file=file)


def _exhibit(spec: dict, *, data: dict, exhibition: dict, number: int, position: int) -> Exhibit:
    exhibit = Exhibit(
        sort_order=position,
        title=spec["title"],
        authors=spec["authors"],
        authors_consent=bool(spec["authors"]),
        description=f"<p>{spec['description']}</p>" if spec["description"] else "",
    )
    pictures = data["pictures"]
    if spec.get("image", True):
        title = pictures["exhibit"].format(title=spec["title"], slug=exhibition["slug"], number=number)
        exhibit.image = demo_image(title=title, width=1200, height=900, scene=spec["scene"])
        exhibit.image_alt = scene_alt(spec["scene"])
    if spec.get("video"):
        exhibit.video_url = data["video_url"]
    if spec.get("document"):
        exhibit.document = _document(spec, exhibition=exhibition["title"])
    if spec.get("model"):
        exhibit.model_url = f"{data['model_url']}{exhibition['slug']}-{number}/"
    return exhibit


def _halls(spec: dict, *, data: dict) -> list[ExhibitionHall]:
    halls, number = [], 0
    for hall_position, hall in enumerate(spec["halls"]):
        exhibits = []
        for position, exhibit in enumerate(hall["exhibits"]):
            number += 1
            exhibits.append(_exhibit(exhibit, data=data, exhibition=spec, number=number, position=position))
        halls.append(
            ExhibitionHall(
                sort_order=hall_position, title=hall["title"], description=hall["description"], exhibits=exhibits
            )
        )
    return halls


def _exhibition(spec: dict, *, data: dict, curator: Person, today: date) -> ExhibitionPage:
    cover = data["pictures"]["cover"].format(title=spec["title"])
    return ExhibitionPage(
        title=spec["title"],
        slug=spec["slug"],
        audience=spec["audience"],
        introduction=spec["introduction"],
        curator=curator,
        opens_on=day(spec["opens_on"], today=today),
        closes_on=day(spec["closes_on"], today=today) if spec["closes_on"] is not None else None,
        cover_image=demo_image(title=cover, width=1200, height=800, scene="gallery"),
        halls=_halls(spec, data=data),
    )


def load_demo(*, home: HomePage, report: Report) -> None:
    """The list of exhibitions under the home page and the demo exhibitions in it."""
    data = read_data("exhibitions.demo", "exhibitions.yaml")
    index, _created = ensure_page(home, ExhibitionIndexPage(**data["index"], show_in_menus=True), report=report)
    curator = Person.objects.filter(name=data["curator"]["name"]).first() or Person.objects.create(**data["curator"])
    ensure_english_snippets([curator], package="exhibitions.demo", report=report)
    today = timezone.localdate()
    existing = set(index.get_children().values_list("slug", flat=True))
    for spec in data["exhibitions"]:
        if spec["slug"] in existing:
            continue
        page = index.add_child(instance=_exhibition(spec, data=data, curator=curator, today=today))
        page.save_revision().publish()
        report(f"Выставка «{page.title}» создана")
