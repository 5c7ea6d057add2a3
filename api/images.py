"""One representation of an image for both APIs, every page field and every block:

    {"id": 7, "title": "...", "alt": "...", "width": 2400, "height": 1350,
     "renditions": [{"width": 480, "height": 270, "url": "https://.../images/x.width-480.png"}, ...],
     "srcset": "https://...480.png 480w, https://...960.png 960w, https://...1600.png 1600w"}

`width` and `height` are the original's; renditions are never wider than the original. A file that cannot
be read (moved, broken) gives its sizes with no renditions instead of breaking the whole answer.
"""

import logging

from rest_framework import serializers
from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url
from wagtail.images.models import SourceImageIOError

logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1600)
FILTERS = tuple(f"width-{width}" for width in WIDTHS)


class RenditionData(TypedDict):
    width: int
    height: int
    url: str


class ImageData(TypedDict):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: list[RenditionData]
    srcset: str


def _renditions(image, request) -> list[RenditionData]:
    """One rendition per width of `WIDTHS`; `width-N` never enlarges, so a small image gives fewer."""
    try:
        renditions = image.get_renditions(*FILTERS)
    except (SourceImageIOError, OSError, ValueError):
        logger.warning("Image %s: renditions could not be made from its file", image.pk, exc_info=True)
        return []
    by_width = {rendition.width: rendition for rendition in renditions.values()}
    return [
        {"width": width, "height": rendition.height, "url": get_full_url(request, rendition.url)}
        for width, rendition in sorted(by_width.items())
    ]


def image_data(image, *, request=None, alt: str = "") -> ImageData | None:
    """The image as every API answer shows it; `alt` overrides the image's own (a block's alternative text)."""
    if image is None:
        return None
    renditions = _renditions(image, request)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
        "srcset": ", ".join(f"{item['url']} {item['width']}w" for item in renditions),
    }


class ImageField(serializers.Field):
    """An image field of a page or snippet in `api_fields`, for API v2 and (through Wagtail's bridge) v3.

    `alt_from` names the model's own alternative text for this image (an exhibit's, say), when it has one."""

    def __init__(self, *, alt_from: str | None = None, **kwargs):
        self.alt_from = alt_from
        kwargs.setdefault("read_only", True)
        if alt_from:
            kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value) -> ImageData:
        request = self.context.get("request")
        if self.alt_from:
            return image_data(getattr(value, self.field_name), request=request, alt=getattr(value, self.alt_from))
        return image_data(value, request=request)
