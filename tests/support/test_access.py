"""The support pages in the public sitemap (audiences x users x channels: tests/access/test_matrix.py)."""

import pytest

from tests.support import builders


@pytest.mark.django_db
def test_sitemap_lists_only_support_pages_open_to_everyone(client, empty_home):
    builders.section(empty_home)
    builders.programme(empty_home, title="Программа для резидентов")
    room = builders.rest_room(empty_home)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/support/section-" in sitemap
    assert "/programme-" not in sitemap
    assert room.slug not in sitemap
