"""What content looks like in both APIs: one image representation everywhere, documents with their download
address, and the landing's listing sections carrying the items the caller may see."""

import pytest
from django.test import Client

from bank.models import SolutionPage
from pages.models import StandardPage
from residents.audiences import Audience
from tests.access.users import internal
from tests.factories import make_document, make_image

pytestmark = pytest.mark.django_db

IMAGE_KEYS = {"id", "title", "alt", "width", "height", "renditions", "srcset"}


def assert_image(data: dict, image, alt: str) -> None:
    assert set(data) == IMAGE_KEYS
    assert (data["id"], data["alt"], data["width"], data["height"]) == (image.pk, alt, image.width, image.height)
    widths = [rendition["width"] for rendition in data["renditions"]]
    assert widths == sorted(widths) and max(widths) <= image.width
    assert all(rendition["url"].startswith("http://") for rendition in data["renditions"])
    assert data["srcset"] == ", ".join(f"{item['url']} {item['width']}w" for item in data["renditions"])


@pytest.fixture
def illustrated_page(empty_home):
    image = make_image("Макет теплицы", width=1200, height=800)
    document = make_document("Положение о коворкинге")
    page = StandardPage(
        title="С картинкой",
        slug="illustrated",
        body=[
            ("image", {"image": image, "alt_text": "Макет теплицы на подоконнике", "caption": "Макет"}),
            ("documents", {"title": "Документы", "documents": [document]}),
        ],
    )
    empty_home.add_child(instance=page)
    page.save_revision().publish()
    return page, image, document


@pytest.mark.parametrize("prefix", ["/api/v2/pages/", "/api/v3/pages/"])
def test_an_image_block_gives_the_image_with_its_alt_text_sizes_renditions_and_srcset(client, illustrated_page, prefix):
    page, image, _document = illustrated_page
    body = client.get(f"{prefix}{page.pk}/").json()["body"]
    block = next(block["value"] for block in body if block["type"] == "image")
    assert block["caption"] == "Макет"
    assert_image(block["image"], image, "Макет теплицы на подоконнике")
    assert [rendition["width"] for rendition in block["image"]["renditions"]] == [480, 960, 1200]


@pytest.mark.parametrize("prefix", ["/api/v2/pages/", "/api/v3/pages/"])
def test_a_document_list_gives_absolute_download_addresses(client, illustrated_page, prefix):
    page, _image, document = illustrated_page
    body = client.get(f"{prefix}{page.pk}/").json()["body"]
    documents = next(block["value"] for block in body if block["type"] == "documents")["documents"]
    assert documents == [
        {
            "id": document.pk,
            "title": "Положение о коворкинге",
            "file_extension": "pdf",
            "url": f"http://testserver{document.url}",
        }
    ]


def test_the_images_endpoints_of_both_apis_show_the_same_representation(client, illustrated_page):
    _page, image, _document = illustrated_page
    v3 = client.get(f"/api/v3/images/{image.pk}/").json()
    assert_image(v3, image, "Макет теплицы")
    v2 = client.get(f"/api/v2/images/{image.pk}/").json()
    assert {key: v2[key] for key in IMAGE_KEYS} == v3


def test_the_landing_sections_carry_the_items_the_caller_may_see_in_both_apis(home):
    hidden = SolutionPage.objects.live().filter(audience=Audience.EVERYONE).order_by("-published_date").first()
    hidden.audience = Audience.INTERNAL
    hidden.featured = True
    hidden.save_revision().publish()
    student = Client()
    student.force_login(internal("student"))
    for prefix in ("/api/v2/pages/", "/api/v3/pages/"):
        for caller, sees_hidden in [(Client(), False), (student, True)]:
            body = caller.get(f"{prefix}{home.pk}/").json()["body"]
            sections = {block["type"]: block["value"] for block in body}
            solutions = sections["featured_solutions"]["items"]
            assert len(solutions) == sections["featured_solutions"]["count"]
            assert (hidden.pk in {item["id"] for item in solutions}) is sees_hidden
            assert all(item["url"].startswith("http") for item in solutions)
            exhibitions = sections["current_exhibitions"]["items"]
            assert exhibitions and all(item["url"].startswith("http") for item in exhibitions)
            assert sections["upcoming_events"]["items"]
