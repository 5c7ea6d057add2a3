"""Pages weigh little: HTML compressed, images in WebP sized for the screen (srcset and sizes), every image
with its width and height (no jumps while loading), images below the first screen loaded lazily, and the
files of images kept by browsers for long."""

import gzip
import re

from django.contrib.auth import get_user_model

IMG = re.compile(r"<img\b[^>]*>")


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
