"""Editors manage topics and materials in the admin; a material must say whom it is for."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, streamfield

from support.models import MaterialPage
from tests.support import builders


@pytest.mark.django_db
def test_topics_are_a_snippet_in_the_admin(admin_client):
    builders.topic()
    response = admin_client.get("/admin/snippets/support/supporttopic/")
    assert response.status_code == 200
    assert "Индивидуальный проект" in response.content.decode()


def _material_form(**groups) -> dict:
    return nested_form_data(
        {
            "title": "Памятка для родителей",
            "slug": "pamyatka",
            "introduction": "",
            "kind": "guide",
            **groups,
            "body": streamfield([]),
            "audience": "residents",
            "action-publish": "publish",
        }
    )


@pytest.mark.django_db
def test_material_without_a_group_is_refused_with_a_clear_message(admin_client, empty_home):
    library = builders.library(empty_home)
    url = f"/admin/pages/add/support/materialpage/{library.pk}/"
    response = admin_client.post(url, _material_form())
    assert response.status_code == 200
    assert "Отметьте хотя бы одну группу" in response.content.decode()
    assert not MaterialPage.objects.exists()
    response = admin_client.post(url, _material_form(for_parents="on"))
    assert response.status_code == 302
    assert MaterialPage.objects.get().target_groups == ["parents"]
