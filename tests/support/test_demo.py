"""The demo's support system, and a parent's way from the landing to their programme and FAQ."""

import re
from collections import deque

import pytest
from django.test import Client

from demo.loader import load_demo
from support.models import MaterialPage, ProgrammePage, RestRoomPage, SupportSectionPage


def _links(html: str) -> list[str]:
    """Links to pages of the site in the main content and header of a page."""
    return [href for href in re.findall(r'href="(/[^"#?]*)"', html) if not href.startswith(("/static/", "/admin/"))]


def _clicks_to(client: Client, start: str, found) -> int | None:
    """Fewest clicks on links from `start` to a page whose HTML satisfies `found`, up to three."""
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        url, clicks = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        html = response.content.decode()
        if found(html):
            return clicks
        if clicks == 3:
            continue
        for link in _links(html):
            if link not in seen:
                seen.add(link)
                queue.append((link, clicks + 1))
    return None


@pytest.mark.django_db
def test_demo_teachers_programme_hours_add_up(home):
    programme = ProgrammePage.objects.filter(locale__language_code="ru").get(slug="teachers-programme")
    assert programme.title == "Сопровождение проектной деятельности обучающихся в цифровом коворкинговом пространстве"
    assert programme.partner == "ИМЦ Московского района Санкт-Петербурга"
    assert programme.modules_hours() == programme.total_hours == 36
    programme.full_clean()
    parents = ProgrammePage.objects.filter(locale__language_code="ru").get(slug="parents-programme")
    assert parents.target_group == "parents"
    assert parents.modules_hours() == parents.total_hours


@pytest.mark.django_db
def test_demo_has_materials_for_every_group_and_the_rest_room(home):
    assert MaterialPage.objects.live().count() >= 15
    for group in ("teachers", "parents", "students", "community"):
        assert MaterialPage.objects.filter(**{f"for_{group}": True}).exists()
    room = RestRoomPage.objects.filter(locale__language_code="ru").get(slug="rest-room")
    assert room.audience == "internal"
    contacts = [block.value["phone"] for block in room.help_contacts]
    assert "8-800-2000-122" in contacts


@pytest.mark.django_db
def test_parent_finds_the_faq_from_the_landing_in_three_clicks_or_fewer(home):
    parents = SupportSectionPage.objects.filter(locale__language_code="ru").get(target_group="parents")
    faq_found = _clicks_to(Client(), "/", lambda html: "Частые вопросы родителей" in html)
    assert faq_found is not None and faq_found <= 3
    assert parents.audience == "everyone"


@pytest.mark.django_db
def test_parent_finds_the_parents_programme_from_the_landing_in_three_clicks_or_fewer(home, staff_user):
    """A logged-in resident (staff stands in until memberships land) reaches the parents' programme."""
    client = Client()
    client.force_login(staff_user)
    title = "Родители — участники проектной деятельности"
    clicks = _clicks_to(client, "/", lambda html: f"<h1>{title}</h1>" in html)
    assert clicks is not None and clicks <= 3


@pytest.mark.django_db
def test_teacher_works_through_the_teachers_programme(home, staff_user):
    client = Client()
    client.force_login(staff_user)
    programme = ProgrammePage.objects.filter(locale__language_code="ru").get(slug="teachers-programme")
    for number, module_id in enumerate(programme.module_ids(), start=1):
        html = client.post(f"{programme.url}progress/{module_id}/", {"done": "1"}, follow=True).content.decode()
        assert f"Пройдено модулей: {number} из 7" in html
    assert "Пройдено модулей: 7 из 7 (100%), 36 из 36 ч." in html
    assert "Программа пройдена" in html


@pytest.mark.django_db
def test_demo_is_safe_to_load_again(home, django_capture_on_commit_callbacks):
    before = MaterialPage.objects.filter(locale__language_code="ru").count()
    with django_capture_on_commit_callbacks(execute=True):
        load_demo(report=lambda line: None)
    assert MaterialPage.objects.filter(locale__language_code="ru").count() == before
