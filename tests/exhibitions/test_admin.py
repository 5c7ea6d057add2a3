"""Editors build an exhibition in the Wagtail admin: halls with exhibits inline, clear errors for bad input."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from exhibitions.models import Exhibit, ExhibitionPage
from tests.exhibitions.builders import exhibition_index

pytestmark = pytest.mark.django_db


def exhibit_form(**fields) -> dict:
    data = {
        "title": "Макет павильона",
        "authors": "",
        "description": rich_text("Описание"),
        "image": "",
        "image_alt": "",
        "video_url": "",
        "document": "",
        "model_url": "",
        "solution": "",
    }
    data.update(fields)
    return data


def exhibition_form(*exhibits: dict) -> dict:
    return nested_form_data(
        {
            "title": "Новая выставка",
            "slug": "novaya",
            "introduction": "Проекты",
            "curator": "",
            "opens_on": "2026-01-10",
            "closes_on": "2026-03-01",
            "cover_image": "",
            "audience": "residents",
            "halls": inline_formset(
                [{"title": "Первый зал", "description": "", "exhibits": inline_formset(list(exhibits))}]
            ),
            "action-publish": "publish",
        }
    )


def add_url(index) -> str:
    return f"/admin/pages/add/exhibitions/exhibitionpage/{index.pk}/"


def test_editor_publishes_an_exhibition_with_halls_and_exhibits(admin_client, empty_home):
    index = exhibition_index(empty_home)
    assert admin_client.get(add_url(index)).status_code == 200
    response = admin_client.post(
        add_url(index),
        exhibition_form(
            exhibit_form(model_url="https://example.org/3d/pavilion/"),
            exhibit_form(title="Видео проекта", video_url="https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/"),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ExhibitionPage.objects.get(slug="novaya")
    assert page.live and page.audience == "residents"
    assert [exhibit.title for exhibit in Exhibit.objects.filter(hall__page=page)] == [
        "Макет павильона",
        "Видео проекта",
    ]
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_an_exhibit_without_media_is_refused_with_a_message_and_nothing_is_saved(admin_client, empty_home):
    index = exhibition_index(empty_home)
    response = admin_client.post(add_url(index), exhibition_form(exhibit_form(authors="Анна К.")))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Добавьте изображение, видео, документ или ссылку на 3D-модель." in html
    assert "Имена авторов публикуются только с согласия" in html
    assert not ExhibitionPage.objects.exists()
    assert not Exhibit.objects.exists()
