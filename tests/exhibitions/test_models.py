"""Editors get a clear message in Russian for an exhibit that cannot be shown well, and nothing is saved."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from exhibitions.models import Exhibit, ExhibitionHall, ExhibitionIndexPage, ExhibitionPage
from pages.models import HomePage, StandardPage
from tests.exhibitions.builders import exhibits_of, make_exhibition
from tests.factories import make_image

pytestmark = pytest.mark.django_db


def errors_of(exhibit: Exhibit) -> dict:
    with pytest.raises(ValidationError) as caught:
        exhibit.clean()
    return {field: " ".join(messages) for field, messages in caught.value.message_dict.items()}


def test_an_exhibit_needs_some_media():
    assert "Добавьте изображение, видео, документ или ссылку на 3D-модель" in errors_of(Exhibit(title="Пусто"))["image"]


def test_an_image_needs_its_alternative_text():
    exhibit = Exhibit(title="Рисунок", image=make_image())
    assert "Опишите изображение" in errors_of(exhibit)["image_alt"]


def test_a_video_must_come_from_a_known_host():
    exhibit = Exhibit(title="Видео", video_url="https://example.org/video.mp4")
    assert "YouTube, Rutube и VK Видео" in errors_of(exhibit)["video_url"]


def test_authors_are_published_only_with_consent():
    exhibit = Exhibit(title="Модель", model_url="https://example.org/3d/", authors="Анна К.")
    assert "только с согласия" in errors_of(exhibit)["authors_consent"]
    exhibit.authors_consent = True
    exhibit.clean()
    assert exhibit.published_authors == "Анна К."


def test_every_kind_of_media_is_enough_on_its_own():
    for media in [
        {"video_url": "https://vk.com/video-1_2"},
        {"model_url": "https://example.org/3d/"},
        {"image": make_image(), "image_alt": "Рисунок"},
    ]:
        Exhibit(title="Экспонат", **media).clean()


def test_an_exhibition_cannot_close_before_it_opens():
    page = ExhibitionPage(title="Выставка", slug="v", opens_on=date(2025, 5, 1), closes_on=date(2025, 4, 1))
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert "раньше, чем откроется" in str(caught.value)


def test_exhibitions_live_in_a_list_of_exhibitions_under_the_home_page():
    assert ExhibitionIndexPage.allowed_parent_page_models() == [HomePage]
    assert ExhibitionPage.allowed_parent_page_models() == [ExhibitionIndexPage]
    assert ExhibitionPage.allowed_subpage_models() == []
    assert not ExhibitionIndexPage.can_create_at(StandardPage())


def test_exhibitions_are_for_residents_unless_the_editor_opens_them():
    assert ExhibitionPage().audience == "residents"
    assert ExhibitionIndexPage().audience == "everyone"


def test_exhibits_keep_their_order_inside_halls(empty_home):
    page = make_exhibition(empty_home, halls=2, exhibits=2)
    assert [exhibit.title for exhibit in exhibits_of(page)] == [f"Экспонат {n}" for n in range(1, 5)]
    assert ExhibitionHall.objects.filter(page=page).count() == 2
