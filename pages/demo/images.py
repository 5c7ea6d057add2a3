"""Demo pictures drawn locally with Pillow, so the demo needs no network."""

import hashlib
import io
import random
from functools import cache

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTE = [(11, 79, 156), (20, 120, 110), (180, 80, 40), (90, 60, 150), (40, 110, 40), (150, 40, 90)]


@cache
def draw_picture(*, seed: str, width: int, height: int) -> bytes:
    """A deterministic abstract picture: a two-colour gradient with circles, as PNG bytes.

    Kept for the life of the process: the test suite builds the demo many times.
    """
    rng = random.Random(seed)
    first, second = rng.sample(PALETTE, 2)
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        share = y / max(height - 1, 1)
        colour = tuple(int(a + (b - a) * share) for a, b in zip(first, second, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for _ in range(6):
        radius = rng.randint(height // 10, height // 3)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=(255, 255, 255), width=4)
    buffer = io.BytesIO()
    # zlib's default level: `optimize` made files a sixth smaller and took three times as long to write.
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_image(*, title: str, width: int = 1200, height: int = 500):
    """The demo image with this title, drawn and saved the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    content = draw_picture(seed=title, width=width, height=height)
    name = f"demo-{hashlib.sha256(title.encode()).hexdigest()[:12]}.png"
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(content), name=name))
