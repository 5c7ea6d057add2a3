"""Builds the demo exhibitions under the home page. Safe to run again: what exists is left as it is."""

from collections.abc import Callable
from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from tqdm import tqdm
from wagtail.documents import get_document_model
from wagtail.models import Page

from exhibitions.demo.content import CURATOR, EXHIBITIONS, INDEX, MODEL_URL, VIDEO_URL
from exhibitions.models import Exhibit, ExhibitionHall, ExhibitionIndexPage, ExhibitionPage
from pages.demo.images import demo_image
from people.models import Person

Report = Callable[[str], None]

DEMO_PDF = b"%PDF-1.4\n% demo\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _document(title: str):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    return existing or Document.objects.create(title=title, file=ContentFile(DEMO_PDF, name="pamyatka.pdf"))


def _exhibit(spec: dict, *, slug: str, number: int, position: int) -> Exhibit:
    exhibit = Exhibit(
        sort_order=position,
        title=spec["title"],
        authors=spec["authors"],
        authors_consent=bool(spec["authors"]),
        description=f"<p>{spec['description']}</p>" if spec["description"] else "",
    )
    if spec.get("image", True):
        exhibit.image = demo_image(title=f"{spec['title']} ({slug}-{number})", width=1200, height=900)
        exhibit.image_alt = f"Иллюстрация к проекту «{spec['title']}»"
    if spec.get("video"):
        exhibit.video_url = VIDEO_URL
    if spec.get("document"):
        exhibit.document = _document(spec["title"])
    if spec.get("model"):
        exhibit.model_url = f"{MODEL_URL}{slug}-{number}/"
    return exhibit


def _exhibition(spec: dict, *, curator: Person, today) -> ExhibitionPage:
    halls, number = [], 0
    for hall_position, hall in enumerate(spec["halls"]):
        exhibits = []
        for position, exhibit in enumerate(hall["exhibits"]):
            number += 1
            exhibits.append(_exhibit(exhibit, slug=spec["slug"], number=number, position=position))
        halls.append(
            ExhibitionHall(
                sort_order=hall_position, title=hall["title"], description=hall["description"], exhibits=exhibits
            )
        )
    closes_in = spec["closes_in_days"]
    return ExhibitionPage(
        title=spec["title"],
        slug=spec["slug"],
        audience=spec["audience"],
        introduction=spec["introduction"],
        curator=curator,
        opens_on=today - timedelta(days=spec["opens_days_ago"]),
        closes_on=today + timedelta(days=closes_in) if closes_in is not None else None,
        cover_image=demo_image(title=f"Обложка выставки «{spec['title']}»", width=1200, height=800),
        halls=halls,
    )


def load_exhibitions(*, home: Page, report: Report = print) -> None:
    """The list of exhibitions under the home page and the two demo exhibitions in it."""
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=ExhibitionIndexPage(
                title=INDEX["title"], slug=INDEX["slug"], introduction=INDEX["introduction"], show_in_menus=True
            )
        )
        index.save_revision().publish()
        report(f"Страница «{index.title}» создана")
    curator = Person.objects.filter(name=CURATOR["name"]).first() or Person.objects.create(**CURATOR)
    today = timezone.localdate()
    existing = set(ExhibitionPage.objects.child_of(index).values_list("slug", flat=True))
    for spec in tqdm(EXHIBITIONS, desc="Выставки", unit="выставка", disable=None):
        if spec["slug"] in existing:
            continue
        page = index.add_child(instance=_exhibition(spec, curator=curator, today=today))
        page.save_revision().publish()
        report(f"Выставка «{page.title}» создана")
