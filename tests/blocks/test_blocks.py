"""Every block of the library renders, previews in the admin and keeps its editorial rules."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlock

from blocks.media import ImageBlock, VideoBlock
from blocks.streams import BodyStreamBlock, LandingStreamBlock, RoadmapStreamBlock
from tests.factories import make_document, make_image

ALL_STREAMS = [BodyStreamBlock(), LandingStreamBlock(), RoadmapStreamBlock()]
ALL_BLOCKS = {name: block for stream in ALL_STREAMS for name, block in stream.child_blocks.items()}


@pytest.fixture
def library_image(db):
    return make_image()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_every_block_renders_its_preview_value(name, library_image):
    block = ALL_BLOCKS[name]
    value = block.get_preview_value()
    html = block.render(value, context={"low_vision": False})
    assert html.strip(), f"{name} rendered nothing"
    assert "Traceback" not in html


@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_every_block_describes_itself_to_editors(name):
    meta = ALL_BLOCKS[name].meta
    assert meta.label and meta.icon and meta.description, f"{name} lacks label, icon or description"
    assert meta.template, f"{name} has no template"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ALL_BLOCKS))
def test_every_block_has_an_admin_preview(admin_client, library_image, name):
    block = ALL_BLOCKS[name]
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    assert "css/site.css" in response.text, "the preview uses the site's own styles"
    assert block.render(block.get_preview_value()).strip()[:40] in response.text


@pytest.mark.django_db
def test_image_without_alt_text_is_refused(library_image):
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": library_image.pk, "alt_text": "", "caption": ""}))


@pytest.mark.django_db
def test_image_renders_its_alt_text_and_caption(library_image):
    block = ImageBlock()
    value = block.to_python({"image": library_image.pk, "alt_text": "Хакатон в актовом зале", "caption": "Март 2023"})
    html = block.render(value)
    assert 'alt="Хакатон в актовом зале"' in html
    assert "<figcaption>Март 2023</figcaption>" in html


@pytest.mark.parametrize(
    ("address", "player"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/",
            "https://rutube.ru/play/embed/c6cc4d620b1d4338901770a44b3e82f4",
        ),
        ("https://vk.com/video-220018529_456239069", "https://vkvideo.ru/video_ext.php?oid=-220018529&id=456239069"),
        (
            "https://vkvideo.ru/video-220018529_456239069",
            "https://vkvideo.ru/video_ext.php?oid=-220018529&id=456239069",
        ),
    ],
)
def test_video_plays_youtube_rutube_and_vk_by_address(address, player):
    block = VideoBlock()
    value = block.clean(block.to_python({"url": address, "title": "Запись", "caption": ""}))
    assert value.embed_url() == player
    assert f'src="{player.replace("&", "&amp;")}"' in block.render(value)


@pytest.mark.parametrize(
    "address", ["https://example.org/video.mp4", "https://rutube.ru/channel/123/", "ftp://youtu.be/x"]
)
def test_video_from_unknown_host_gets_a_clear_message(address):
    block = VideoBlock()
    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python({"url": address, "title": "Запись", "caption": ""}))
    assert "YouTube, Rutube и VK Видео" in str(error.value.block_errors["url"])


@pytest.mark.django_db
def test_document_list_shows_format_and_size():
    document = make_document()
    block = BodyStreamBlock().child_blocks["documents"]
    html = block.render(block.to_python({"title": "Документы", "documents": [document.pk]}))
    assert "Положение" in html and "PDF" in html


def test_landing_offers_every_content_block_too():
    assert set(BodyStreamBlock().child_blocks) <= set(LandingStreamBlock().child_blocks)
    assert isinstance(LandingStreamBlock(), StreamBlock)
