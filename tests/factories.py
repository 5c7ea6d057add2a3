"""Small builders for test data that the demo does not provide."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from pages.models import HomePage


def make_empty_home() -> HomePage:
    """A bare HomePage in Russian as the default site's root, in place of the page Wagtail's migrations make."""
    russian = Locale.objects.get_or_create(language_code="ru")[0]
    Page.objects.filter(depth=2).delete()
    home = Page.get_first_root_node().add_child(instance=HomePage(title="Коворкинг", slug="home", locale=russian))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    return home


def png_bytes(width: int = 40, height: int = 30, colour=(11, 79, 156)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(title: str = "Тестовое изображение", **size):
    return get_image_model().objects.create(title=title, file=ImageFile(io.BytesIO(png_bytes(**size)), name="test.png"))


def make_document(title: str = "Положение", content: bytes = b"%PDF-1.4 test"):
    return get_document_model().objects.create(title=title, file=ContentFile(content, name="polozhenie.pdf"))
