"""Programmes: modules' hours add up to the total, the tree rules, and the page a resident reads."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from pages.models import HomePage
from support.models import (
    MaterialPage,
    MaterialsLibraryPage,
    ProgrammePage,
    RestRoomPage,
    SupportIndexPage,
    SupportSectionPage,
)
from tests.support import builders


@pytest.mark.django_db
def test_programme_whose_module_hours_do_not_add_up_cannot_be_saved(empty_home):
    page = builders.programme(empty_home)
    page.total_hours = 13
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Сумма часов модулей (12 ч) не совпадает с объёмом программы (13 ч)" in str(error.value)
    page.total_hours = 12
    page.full_clean()


def _list_block(values) -> dict:
    items = {str(i): {"value": value, "deleted": "", "order": str(i), "id": ""} for i, value in enumerate(values)}
    return {"count": str(len(values)), **items}


def _programme_form(page, *, total_hours: int) -> dict:
    modules = streamfield(
        [
            (
                "module",
                {
                    "title": block.value["title"],
                    "hours": block.value["hours"],
                    "topics": _list_block(block.value["topics"]),
                    "outcomes": _list_block([]),
                    "materials": _list_block([]),
                },
            )
            for block in page.modules
        ]
    )
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": "",
            "target_group": "teachers",
            "format": "mixed",
            "partner": "",
            "total_hours": total_hours,
            "goal": page.goal,
            "expected_outcomes": rich_text(""),
            "modules": modules,
            "body": streamfield([]),
            "audience": "residents",
            "action-publish": "publish",
        }
    )


@pytest.mark.django_db
def test_admin_refuses_to_publish_a_programme_whose_hours_do_not_add_up(admin_client, empty_home):
    page = builders.programme(empty_home, title="Программа для родителей")
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", _programme_form(page, total_hours=20))
    assert response.status_code == 200
    assert "не совпадает с объёмом программы (20 ч)" in response.content.decode()
    page.refresh_from_db()
    assert page.total_hours == 12
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", _programme_form(page, total_hours=12))
    assert response.status_code == 302


class SupportTreeRulesTest(WagtailPageTestCase):
    def test_support_index_sits_under_the_landing(self):
        self.assertAllowedParentPageTypes(SupportIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            SupportIndexPage, {SupportSectionPage, ProgrammePage, MaterialsLibraryPage, RestRoomPage}
        )

    def test_programmes_sections_and_materials_are_leaves(self):
        for model in (ProgrammePage, SupportSectionPage, MaterialPage, RestRoomPage):
            self.assertAllowedSubpageTypes(model, set())
        self.assertAllowedParentPageTypes(MaterialPage, {MaterialsLibraryPage})
        self.assertAllowedParentPageTypes(RestRoomPage, {HomePage, SupportIndexPage})

    def test_home_page_accepts_the_support_index(self):
        self.assertCanCreateAt(HomePage, SupportIndexPage)
        self.assertCanNotCreateAt(Page, SupportIndexPage)


@pytest.mark.django_db
def test_programme_material_and_library_default_to_internal_residents():
    """П. 2.3 of the regulations: the support system is not among the segments open to external residents."""
    assert ProgrammePage._meta.get_field("audience").default == "internal"
    assert MaterialPage._meta.get_field("audience").default == "internal"
    assert MaterialsLibraryPage._meta.get_field("audience").default == "internal"
    assert RestRoomPage._meta.get_field("audience").default == "internal"


@pytest.mark.django_db
def test_programme_page_shows_goal_format_partner_and_modules_with_hours(staff_client, empty_home):
    page = builders.programme(
        empty_home,
        partner="ИМЦ Московского района Санкт-Петербурга",
        modules=[builders.module("Нормативные основы", 4), builders.module("Тьюторское сопровождение", 8)],
    )
    html = staff_client.get(page.url).content.decode()
    for text in ("ИМЦ Московского района", "Смешанный формат", "12 ч", "Нормативные основы", "Тьюторское"):
        assert text in html
    assert "Пройдено модулей: 0 из 2" in html


@pytest.mark.django_db
def test_module_lists_only_materials_the_reader_may_open(staff_client, empty_home):
    open_material = builders.material(empty_home, title="Открытый чек-лист", audience="everyone")
    staff_material = builders.material(empty_home, title="Служебная записка", audience="staff")
    page = builders.programme(
        empty_home,
        audience="everyone",
        modules=[builders.module("Модуль", 6, materials=[open_material, staff_material])],
    )
    anonymous_html = Client().get(page.url).content.decode()
    assert "Открытый чек-лист" in anonymous_html
    assert "Служебная записка" not in anonymous_html
    assert "Служебная записка" in staff_client.get(page.url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("count", [2, 8])
def test_support_pages_take_a_bounded_number_of_queries(staff_client, empty_home, django_assert_max_num_queries, count):
    modules = [
        builders.module(f"Модуль {number}", 2, materials=[builders.material(empty_home, title=f"Материал {number}")])
        for number in range(count)
    ]
    page = builders.programme(empty_home, modules=modules)
    for number in range(count):
        builders.programme(empty_home, title=f"Программа {number}", target_group="parents")
    section = builders.section(empty_home)
    index = builders.support_index(empty_home)
    for url in (page.url, section.url, index.url):
        staff_client.get(url)
        with django_assert_max_num_queries(25):
            assert staff_client.get(url).status_code == 200
