"""Demo documents made locally as one-page PDFs with fpdf2, so the demo needs no network and no files of its own.

The text is real text in DejaVu Sans (fonts/ beside this module, a subset embedded in each file): readers
show the Russian letters, and search, copying and screen readers get them too.
"""

from collections.abc import Iterable
from functools import cache
from importlib.resources import files

from django.core.files.base import ContentFile
from fpdf import FPDF

FONT = "DejaVu"
HEADER = "Экономический лицей № 373 · Цифровое коворкинговое пространство"
INK, MUTED, ACCENT = (33, 37, 41), (95, 99, 104), (11, 79, 156)


@cache
def _font_path() -> str:
    return str(files("pages.demo").joinpath("fonts", "DejaVuSans.ttf"))


def _paragraph(pdf: FPDF, text: str, *, size: float, colour: tuple[int, int, int], after: float = 4) -> None:
    pdf.set_font(FONT, size=size)
    pdf.set_text_color(*colour)
    pdf.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(after)


def pdf_bytes(title: str, *, subtitle: str = "", paragraphs: Iterable[str] = ()) -> bytes:
    """An A4 page: the school's header, `title`, `subtitle` under it and the `paragraphs` of the body."""
    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author("ГБОУ лицей № 373 «Экономический лицей»")
    pdf.set_margins(20, 20, 20)
    pdf.add_font(FONT, fname=_font_path())
    pdf.add_page()
    _paragraph(pdf, HEADER, size=9, colour=MUTED, after=2)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.6)
    pdf.line(20, pdf.get_y(), 190, pdf.get_y())
    pdf.ln(10)
    _paragraph(pdf, title, size=20, colour=ACCENT, after=3)
    if subtitle:
        _paragraph(pdf, subtitle, size=12, colour=MUTED, after=6)
    for text in paragraphs:
        _paragraph(pdf, text, size=11, colour=INK)
    return bytes(pdf.output())


def demo_pdf(title: str, *, name: str, subtitle: str = "", paragraphs: Iterable[str] = ()) -> ContentFile:
    """The file `name` of a one-page PDF made by `pdf_bytes`, ready for a Wagtail document."""
    return ContentFile(pdf_bytes(title, subtitle=subtitle, paragraphs=paragraphs), name=name)
