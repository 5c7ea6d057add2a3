"""Small builders for test data that the demo does not provide."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png_bytes(width: int = 40, height: int = 30, colour=(11, 79, 156)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str = "Тестовое изображение", **size):
    return get_image_model().objects.create(title=title, file=ImageFile(io.BytesIO(png_bytes(**size)), name="test.png"))


def make_document(title: str = "Положение", content: bytes = b"%PDF-1.4 test"):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name="polozhenie.pdf"))
