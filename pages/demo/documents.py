"""Demo documents drawn locally as one-page PDFs, so the demo needs no network and no files of its own."""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw


def demo_pdf(title: str, *, name: str) -> ContentFile:
    """A one-page A4 PDF with `title` on it (letters outside ASCII drawn as "?": Pillow's default font)."""
    picture = PILImage.new("RGB", (595, 842), "white")
    ImageDraw.Draw(picture).text((60, 80), title.encode("ascii", "replace").decode(), fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF")
    return ContentFile(buffer.getvalue(), name=name)
