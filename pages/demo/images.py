"""Demo pictures drawn locally with Pillow, so the demo needs no network: flat illustrations per subject and
kind (pages.demo.illustrations), each saved with an alt text that says what it shows."""

import hashlib
import io
import random
from functools import cache

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from pages.demo.illustrations import PALETTES, SCENES, Canvas


@cache
def draw_picture(*, seed: str, width: int, height: int, scene: str = "coworking") -> bytes:
    """The scene `scene` in a palette and layout chosen by `seed`, as PNG bytes: the same seed, the same picture.

    Kept for the life of the process: the test suite builds the demo many times.
    """
    rng = random.Random(seed)
    palette = rng.choice(PALETTES)
    picture = PILImage.new("RGB", (width, height), palette.sky)
    SCENES[scene].draw(Canvas(ImageDraw.Draw(picture), width, height, rng, palette))
    buffer = io.BytesIO()
    # Flat colours: a 32-colour palette keeps every shade and makes the file several times smaller.
    picture.quantize(colors=32, method=PILImage.Quantize.FASTOCTREE).save(buffer, format="PNG")
    return buffer.getvalue()


def scene_alt(scene: str) -> str:
    """What the picture of `scene` shows, in Russian, for its alt text."""
    return SCENES[scene].alt


def demo_image(*, title: str, width: int = 1200, height: int = 500, scene: str = "coworking"):
    """The demo image with this title, drawn and saved the first time it is asked for, described for its alt text."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    content = draw_picture(seed=title, width=width, height=height, scene=scene)
    name = f"demo-{hashlib.sha256(title.encode()).hexdigest()[:12]}.png"
    return Image.objects.create(
        title=title, description=scene_alt(scene), file=ImageFile(io.BytesIO(content), name=name)
    )
