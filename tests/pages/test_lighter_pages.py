"""Pages weigh little: HTML compressed, images in AVIF then WebP sized for the screen (srcset and sizes), every
image with its width and height (no jumps while loading), images below the first screen loaded lazily, and the
files of images kept by browsers for long."""

import gzip
import io
import re

from django.contrib.auth import get_user_model
from PIL import Image

from pages import pictures

IMG = re.compile(r"<img\b[^>]*>")
PICTURE = re.compile(r"<picture>.*?</picture>", re.DOTALL)


def images_of(html: str) -> list[str]:
    return IMG.findall(html)


def test_pages_are_sent_gzipped_to_browsers_that_accept_it(home, client):
    response = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "<html" in gzip.decompress(response.content).decode()


def test_every_image_of_the_landing_the_bank_and_a_solution_has_its_width_and_height(home, client):
    for url in ("/", "/bank/", "/bank/solution-1/", "/exhibitions/economy-around-us/"):
        tags = images_of(client.get(url).content.decode())
        assert tags, url
        for tag in tags:
            assert re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag), (url, tag)


def test_the_landing_hero_is_webp_for_every_screen_width_and_loads_at_once(home, client):
    hero = next(tag for tag in images_of(client.get("/").content.decode()) if "hero__image" in tag)

    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w"', hero)
    assert 'sizes="(max-width: 1200px) 100vw, 1200px"' in hero
    assert 'loading="lazy"' not in hero


def test_cards_below_the_first_screen_are_webp_and_load_lazily(home, client):
    cards = [tag for tag in images_of(client.get("/bank/").content.decode()) if "solution-card__cover" in tag]

    assert cards
    assert all('loading="lazy"' in tag and ".webp" in tag for tag in cards)


def test_a_rendition_is_kept_by_browsers_and_shared_caches_for_a_year(home, client):
    cover = next(tag for tag in images_of(client.get("/bank/").content.decode()) if "solution-card__cover" in tag)
    address = re.search(r'src="([^"]+)"', cover).group(1)

    response = client.get(address)

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


def test_a_signed_in_readers_rendition_stays_in_their_own_browser(home, client):
    cover = next(tag for tag in images_of(client.get("/bank/").content.decode()) if "solution-card__cover" in tag)
    address = re.search(r'src="([^"]+)"', cover).group(1)
    client.force_login(get_user_model().objects.create_user("reader", "reader@example.org", "x"))

    response = client.get(address)

    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def pictures_of(html: str, marker: str) -> list[str]:
    return [picture for picture in PICTURE.findall(html) if marker in picture]


def test_pictures_offer_avif_then_webp_and_the_avif_address_answers_an_avif_image(home, client, settings):
    settings.IMAGES_AVIF = True
    html = client.get("/").content.decode()
    hero, card = pictures_of(html, "hero__image")[0], pictures_of(html, "solution-card__cover")[0]

    source = re.search(r"<source[^>]*>", hero).group(0)
    assert 'type="image/avif"' in source
    assert re.search(r'srcset="[^"]+\.avif 480w, [^"]+\.avif 800w, [^"]+\.avif 1200w"', source)
    assert 'sizes="(max-width: 1200px) 100vw, 1200px"' in source
    assert hero.index("<source") < hero.index("<img")  # the browser takes the first format it knows
    image = IMG.search(hero).group(0)
    assert re.search(r'srcset="[^"]+\.webp 480w', image) and 'width="' in image and 'height="' in image
    assert 'loading="lazy"' not in image
    assert 'type="image/avif"' in card and 'loading="lazy"' in IMG.search(card).group(0)

    address = re.search(r'srcset="([^" ]+\.avif) 480w', source).group(1)
    response = client.get(address)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    assert content[4:12] == b"ftypavif"
    assert Image.open(io.BytesIO(content)).format == "AVIF"


def test_without_avif_in_pillow_pictures_are_webp_alone(home, client, settings, monkeypatch):
    settings.IMAGES_AVIF = True
    monkeypatch.setattr(pictures, "pillow_writes_avif", lambda: False)  # a Pillow built without libavif

    html = client.get("/").content.decode()

    assert "avif" not in html
    hero = pictures_of(html, "hero__image")[0]
    assert re.search(r'<picture><img [^>]*srcset="[^"]+\.webp 480w', hero)
