"""Uploads are bounded: oversized images and documents are refused with a clear Russian message."""

import struct
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import png_bytes


def huge_sparse_png(width: int, height: int) -> bytes:
    """A valid greyscale PNG of width x height that compresses to a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\x00" * width
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def hundred_megapixel_png() -> bytes:
    return huge_sparse_png(10_000, 10_000)


def upload_image(client, content: bytes, name: str = "picture.png"):
    return client.post(
        "/admin/images/add/",
        {"title": "Снимок", "file": SimpleUploadedFile(name, content, content_type="image/png"), "collection": 1},
        HTTP_ACCEPT_LANGUAGE="ru",
    )


@pytest.mark.django_db
def test_hundred_megapixel_png_of_a_few_kilobytes_is_refused_without_decoding(admin_client, hundred_megapixel_png):
    assert len(hundred_megapixel_png) < 200_000
    tracemalloc.start()
    response = upload_image(admin_client, hundred_megapixel_png)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert response.status_code == 200
    assert "слишком много пикселей" in response.text
    assert not get_image_model().objects.exists()
    assert peak < 50 * 1024 * 1024, f"upload check used {peak / 2**20:.0f} MiB"


@pytest.mark.django_db
@override_settings(IMAGE_MAX_SIDE=1000)
def test_image_wider_than_the_limit_is_refused(admin_client):
    response = upload_image(admin_client, png_bytes(1200, 10))
    assert "Каждая сторона — не больше 1000 пикселей" in response.text
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_image_within_limits_is_accepted(admin_client):
    response = upload_image(admin_client, png_bytes(400, 300))
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 400


@pytest.mark.django_db
def test_image_file_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    response = upload_image(admin_client, png_bytes(400, 400, colour=(1, 2, 3)) + b"\0" * 2048)
    assert "слишком большой" in response.text
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_document_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Отчёт", "file": SimpleUploadedFile("report.pdf", b"%PDF" + b"0" * 4096), "collection": 1},
    )
    assert response.status_code == 200
    assert "слишком большой" in response.text
    assert not get_document_model().objects.exists()
