"""Files under MEDIA_URL go through a checked view: owners' access, and no way out of MEDIA_ROOT."""

import pytest
from django.test import Client

from tests.factories import make_image


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/media/%2e%2e/manage.py", "/media/..%2fmanage.py", "/media/original_images/none.png"]
)
def test_paths_outside_media_or_unknown_files_are_not_found(path):
    assert Client().get(path).status_code == 404


@pytest.mark.django_db
def test_an_unused_image_is_public_and_a_restricted_one_asks_to_log_in(residents_page):
    free = make_image(title="Свободный снимок")
    assert Client().get(free.file.url).status_code == 200
    kept = make_image(title="Снимок для резидентов")
    residents_page.body = [("image", {"image": kept, "alt_text": "Снимок", "caption": ""})]
    residents_page.save()
    response = Client().get(kept.file.url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
