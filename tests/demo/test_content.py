"""The demo reads as real content: readable documents, pictures of their subject with alt texts, no repeated
sentences on a solution page, no placeholder names or contacts."""

import io
import re
from html.parser import HTMLParser
from importlib.resources import files

import pytest
from pypdf import PdfReader
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from bank.demo.data import SOLUTIONS
from bank.models import SolutionPage
from pages.demo.illustrations import SCENES, scene_for
from pages.demo.images import draw_picture

DEMO_PACKAGES = [
    "pages.demo",
    "support.demo",
    "events.demo",
    "exhibitions.demo",
    "meetings.demo",
    "bank.demo",
    "projects.demo",
    "reviews.demo",
    "surveys.demo",
]
PLACEHOLDERS = re.compile(r"\(демо\)|Демонстрацион|example\.(org|com|net)|000-0|0{6}|1{6}|2{6}|lorem", re.IGNORECASE)


def words(text: str) -> str:
    return " ".join(text.split())


class MainText(HTMLParser):
    """The visible text of `<main>`: scripts, styles and hidden form fields left out."""

    def __init__(self):
        super().__init__()
        self.depth, self.skip, self.chunks = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif tag in ("script", "style", "template"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.chunks.append(data)


def sentences(html: str) -> list[str]:
    parser = MainText()
    parser.feed(html)
    text = words(" ".join(parser.chunks))
    return [part for part in re.split(r"(?<=[.!?])\s+", text) if len(part.split()) >= 4]


@pytest.mark.django_db
def test_every_demo_document_is_a_pdf_with_its_russian_text_in_an_embedded_font(home):
    documents = list(get_document_model().objects.all())
    assert len(documents) >= 10
    for document in documents:
        with document.file.open("rb") as file:
            content = file.read()
        reader = PdfReader(io.BytesIO(content))
        assert len(reader.pages) >= 1, document.title
        text = words(reader.pages[0].extract_text())
        assert words(document.title) in text, (document.title, text)
        assert "Экономический лицей № 373" in text
        assert b"/FontFile2" in content, "the font travels inside the file"


def test_the_documents_font_and_its_licence_are_in_the_project():
    fonts = files("pages.demo").joinpath("fonts")
    assert fonts.joinpath("DejaVuSans.ttf").is_file()
    assert "Bitstream" in fonts.joinpath("LICENSE").read_text(encoding="utf-8")


def test_a_picture_is_the_same_for_the_same_seed_and_differs_by_scene():
    draw = draw_picture.__wrapped__
    first = draw(seed="Обложка: теплица", width=400, height=225, scene="greenhouse")
    assert first == draw(seed="Обложка: теплица", width=400, height=225, scene="greenhouse")
    others = {draw(seed="Обложка: теплица", width=400, height=225, scene=name) for name in SCENES}
    assert len(others) == len(SCENES)


@pytest.mark.django_db
def test_demo_pictures_show_their_subject_and_say_what_they_show(home):
    images = get_image_model().objects.all()
    alts = {scene.alt for scene in SCENES.values()}
    assert all(image.description in alts for image in images), [i.title for i in images if i.description not in alts]
    assert len({image.description for image in images}) >= 12, "pictures of many kinds, not one placeholder"
    assert all(image.file.size < 60_000 for image in images), "small files"
    for solution in SOLUTIONS[:10]:
        cover = SolutionPage.objects.get(slug=solution.slug, locale__language_code="ru").cover
        assert cover.description == SCENES[scene_for(solution.subjects)].alt


def test_no_sentence_appears_twice_in_a_demo_solutions_texts():
    for solution in SOLUTIONS:
        texts = [solution.summary, solution.problem, solution.goal, solution.result, *solution.stages, solution.reuse]
        found = [sentence for text in texts for sentence in re.split(r"(?<=[.!?])\s+", words(text))]
        assert len(found) == len(set(found)), solution.slug


@pytest.mark.django_db
def test_no_sentence_appears_twice_on_a_solution_page(home, client):
    """Every demo solution's texts differ (above); here the page, on a sample of them, adds no repeat of its own."""
    pages = SolutionPage.objects.live().filter(locale__language_code="ru").order_by("path")
    assert pages.count() == len(SOLUTIONS)
    pages.update(cover=None)  # pictures say nothing in sentences; their renditions would take most of the time
    for page in pages[::8]:
        found = sentences(client.get(page.url).content.decode())
        repeated = {sentence for sentence in found if found.count(sentence) > 1}
        assert not repeated, (page.slug, repeated)


@pytest.mark.parametrize("package", DEMO_PACKAGES)
def test_the_demo_data_has_no_placeholder_names_or_contacts(package):
    for item in files(package).iterdir():
        if item.name.endswith(".yaml"):
            data = "\n".join(line for line in item.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
            assert not PLACEHOLDERS.search(data), (item.name, PLACEHOLDERS.search(data).group())


@pytest.mark.django_db
def test_the_sites_contacts_and_people_are_no_placeholders(home, client):
    for url in ("/", home.get_children().live().get(slug="exhibitions").url):
        html = client.get(url).content.decode()
        assert not PLACEHOLDERS.search(html), (url, PLACEHOLDERS.search(html).group())
