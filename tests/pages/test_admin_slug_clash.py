"""An abandoned draft never blocks a slug without saying which page holds it."""

import html

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pages.models import StandardPage

pytestmark = pytest.mark.django_db


def standard_page_form(**fields) -> dict:
    return nested_form_data(
        {"title": "Положение", "slug": "polozhenie", "introduction": "", "body": streamfield([])}
        | {"audience": "everyone", "action-publish": "publish"}
        | fields
    )


def test_a_slug_held_by_a_forgotten_draft_names_the_draft_and_links_to_it(admin_client, empty_home):
    draft = empty_home.add_child(
        instance=StandardPage(title="Положение (старый черновик)", slug="polozhenie", live=False)
    )
    draft.save_revision()

    response = admin_client.post(f"/admin/pages/add/pages/standardpage/{empty_home.pk}/", standard_page_form())

    assert response.status_code == 200
    text = html.unescape(response.content.decode())
    assert "Адрес «polozhenie» уже занят страницей «Положение (старый черновик)» (черновик" in text
    assert f'<a href="/admin/pages/{draft.pk}/edit/">Откройте её</a>' in text
    assert StandardPage.objects.count() == 1


def test_a_slug_held_by_a_published_page_says_it_is_published(admin_client, empty_home):
    empty_home.add_child(instance=StandardPage(title="Положение", slug="polozhenie")).save_revision().publish()

    response = admin_client.post(f"/admin/pages/add/pages/standardpage/{empty_home.pk}/", standard_page_form())

    assert "уже занят страницей «Положение» (опубликована" in html.unescape(response.content.decode())


def test_a_free_slug_is_accepted(admin_client, empty_home):
    response = admin_client.post(f"/admin/pages/add/pages/standardpage/{empty_home.pk}/", standard_page_form())

    assert response.status_code == 302
    assert StandardPage.objects.get().slug == "polozhenie"
