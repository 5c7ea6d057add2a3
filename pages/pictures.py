"""Pictures in the site's templates: one `<picture>` with an AVIF source, then WebP (issue 16, item 6).

`{% picture_of image SPEC ... %}` (pages/templatetags/pictures.py) takes Wagtail's filter specs without a
format (`fill-{480x200,800x333,1200x500}`) and the `<img>`'s attributes (`sizes`, `alt`, `class`, `loading`).
It renders Wagtail's `Picture`: a `<source type="image/avif">` with the same `srcset` and `sizes` where Pillow can
write AVIF, and the WebP `<img>` (with its own `srcset`, `width` and `height`) that every browser can show.
Without AVIF in Pillow, or with `IMAGES_AVIF` off, it is the WebP `<img>` alone, in its `<picture>`.
"""

from functools import cache

from django.conf import settings
from wagtail.images.models import Filter


@cache
def pillow_writes_avif() -> bool:
    from PIL import features

    return bool(features.check("avif"))


def formats() -> tuple[str, ...]:
    """The renditions' formats, the browser's first choice first."""
    if getattr(settings, "IMAGES_AVIF", True) and pillow_writes_avif():
        return ("avif", "webp")
    return ("webp",)


def filter_specs(*specs: str) -> list[str]:
    """Wagtail's filter specs for one picture, in every format (`fill-480x270` -> `fill-480x270|format-avif`,
    `fill-480x270|format-webp`): as the picture asks for them, so that a query can prefetch them."""
    names = ",".join(formats())
    return Filter.expand_spec([*specs, f"format-{{{names}}}"])
