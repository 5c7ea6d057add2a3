"""Upload forms for images and documents, used by the admin, its multiple upload and API v3 alike
(`WAGTAILIMAGES_IMAGE_FORM_BASE`, `WAGTAILDOCS_DOCUMENT_FORM_BASE`): a file is checked from its header and
content before anything is decoded or stored."""

import re
import unicodedata
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for a file whose header is cut short or malformed.
BROKEN_HEADER = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError)


def header_size(file) -> tuple[int, int] | None:
    """Width and height as the file's header declares them, without decoding the bitmap; None for a file Pillow
    does not recognise. Raises ValidationError for a broken header."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(file)  # lazy: reads the header only
            size = image.size
    except PILImage.DecompressionBombError:
        return (PILImage.MAX_IMAGE_PIXELS * 2 + 1, 1)  # Pillow refuses to even describe it: more than allowed
    except PILImage.UnidentifiedImageError:
        return None
    except BROKEN_HEADER as error:
        raise broken_image() from error
    finally:
        file.seek(0)
    return size


def megapixels(pixels: int) -> str:
    return number_format(pixels / 1_000_000, 1)


def broken_image() -> ValidationError:
    return ValidationError(
        _("Файл изображения повреждён или обрезан: его заголовок не читается. Сохраните изображение заново."),
        code="invalid_image",
    )


class HeaderCheckedImageField(WagtailImageField):
    """Wagtail's image field with the pixel count and each side read from the header, before anything is decoded.

    Wagtail asks Willow for the size, and Willow decodes the whole bitmap to answer (a 700 KB PNG declaring 169
    megapixels took a worker to 800 MB before it was refused). Here the header decides; a broken one is
    refused with a message, and the rest of the file is checked (`verify`, which does not decode either).
    """

    def check_image_pixel_size(self, f):
        if f.image.format_name == "svg":
            return super().check_image_pixel_size(f)  # Willow reads an SVG's size from its XML, nothing to decode
        size = header_size(getattr(f.image, "f", f))
        if size is None:
            raise broken_image()
        width, height = size
        limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        if limit is not None and width * height > limit:
            raise ValidationError(
                _("В изображении слишком много пикселей: %(pixels)s млн. Можно не больше %(limit)s млн.")
                % {
                    "pixels": number_format(width * height / 1_000_000, 1),
                    "limit": number_format(limit / 1_000_000, 1),
                },
                code="file_too_many_pixels",
            )
        side = settings.IMAGE_MAX_SIDE
        if width > side or height > side:
            raise ValidationError(
                _(
                    "Изображение слишком большое: %(width)s × %(height)s пикселей. "
                    "Каждая сторона — не больше %(limit)s пикселей."
                )
                % {"width": width, "height": height, "limit": side},
                code="image_too_large",
            )
        self._verify(f)
        return None

    @staticmethod
    def _verify(f) -> None:
        file = getattr(f.image, "f", f)
        file.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                PILImage.open(file).verify()
        except BROKEN_HEADER as error:
            raise broken_image() from error
        finally:
            file.seek(0)


class BoundedImageForm(BaseImageForm):
    """Wagtail's image form with the file checked from its header (`HeaderCheckedImageField`): size in bytes,
    pixel count and each side (IMAGE_MAX_SIDE), with messages in Russian."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, HeaderCheckedImageField):
            checked = HeaderCheckedImageField(label=field.label, required=field.required, widget=field.widget)
            checked.help_text = field.help_text
            self.fields["file"] = checked


# What a document of each allowed extension starts with: its format's signature, so that a web page or a
# script renamed to `.pdf` is refused. Office Open XML, OpenDocument and ZIP files are ZIP archives; the older
# Office formats are OLE2 compound files.
ZIP = (b"PK\x03\x04",)
OLE2 = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "zip": ZIP,
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
    "doc": OLE2,
    "xls": OLE2,
    "ppt": OLE2,
}
MARKUP = re.compile(rb"^\s*(<(!doctype|html|head|body|script|svg|\?xml|iframe)|#!)", re.IGNORECASE)
NAME_LENGTH = 80  # Wagtail keeps `documents/<name>` in 100 characters


def document_content_error(head: bytes, extension: str) -> str | None:
    """Why a document's first bytes do not fit its extension, or None when they do."""
    signatures = SIGNATURES.get(extension)
    if signatures is not None:
        if extension == "pdf":
            fits = b"%PDF-" in head[:1024]  # the PDF specification allows a little before the signature
        else:
            fits = head.startswith(signatures)
        if not fits:
            return _("Содержимое файла не похоже на .%(extension)s: загрузите настоящий документ этого формата.") % {
                "extension": extension
            }
        return None
    if MARKUP.match(head) or b"\x00" in head:
        return _("Текстовый файл должен содержать обычный текст, без HTML, скриптов и двоичных данных.")
    return None


def safe_file_name(name: str) -> str:
    """The uploaded file's own name, without folders, control or invisible characters (a right-to-left mark
    can disguise `exe.pdf` as `fdp.exe`) and characters that mean something to a shell or a URL; the extension
    in lower case; the stem shortened to fit."""
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(char for char in name if unicodedata.category(char)[0] not in {"C", "Z"} or char == " ")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = re.sub(r"[^\w\-. ]+", "", stem).strip(" .") or "document"
    stem = re.sub(r"\s+", "_", stem)[: NAME_LENGTH - len(extension) - 1]
    return f"{stem}.{extension.lower()}" if extension else stem


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form that also checks the file's content against its extension and gives it a safe
    name; used by the admin, its multiple upload and API v3 (`WAGTAILDOCS_DOCUMENT_FORM_BASE`)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file is None or "file" not in self.changed_data:
            return file
        file.name = safe_file_name(file.name)
        extension = file.name.rpartition(".")[2] if "." in file.name else ""
        file.seek(0)
        head = file.read(2048)
        file.seek(0)
        error = document_content_error(head, extension)
        if error:
            raise ValidationError(error, code="invalid_document_content")
        return file
