"""An expert reviews a solution on the expert desk; after the second expert's review the editor publishes the
score in the admin, and the solution page shows «Экспертная оценка»."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from bank.models import SolutionPage
from residents.audiences import Audience
from reviews.models import Expert, Rubric, RubricKind
from reviews.services import assignment_create

pytestmark = pytest.mark.browser


def signed_in_page(browser, site_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ru-RU")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site_server.url}])
    return context.new_page()


TITLE = "Сортировка отходов в лицее"  # a demo solution the demo's own experts do not review


def review_on_the_desk(page, site_server, *, points: list[int], comment: str) -> None:
    page.goto(site_server.url + "/experts/")
    page.get_by_role("link", name=TITLE).click()
    criteria = page.locator("fieldset.reviews-criterion")
    criteria.first.wait_for()  # the click navigates: read the criteria of the review form, not of the desk
    for fieldset, value in zip(criteria.all(), points, strict=True):
        fieldset.get_by_label(str(value), exact=True).check()
    page.get_by_label("Комментарий эксперта").fill(comment)
    page.get_by_role("button", name="Отправить оценку").click()
    page.get_by_text("Спасибо! Оценка отправлена.").wait_for()


def test_two_experts_review_a_solution_and_the_editor_publishes_the_score(
    browser, site_server, demo_site, django_user_model, screenshots
):
    solution = SolutionPage.objects.live().get(title=TITLE)
    solution.audience = Audience.EVERYONE
    solution.save_revision().publish()
    rubric = Rubric.objects.get(kind=RubricKind.SOLUTION)
    # an editor of Wagtail's editors' group, not a superuser (reviews/migrations/0002)
    editor = django_user_model.objects.create_user("reviews-editor", "editor@example.org", "password")
    editor.groups.add(Group.objects.get(name="Редакторы"))
    experts = []
    for username, name, published in (("orlova", "Мария Орлова", True), ("lebedev", "Павел Лебедев", False)):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "password")
        experts.append(Expert.objects.create(user=user, name=name, name_published=published))
        assignment_create(item=solution, expert=experts[-1], rubric=rubric, by=editor)

    first = signed_in_page(browser, site_server, experts[0].user)
    review_on_the_desk(first, site_server, points=[5, 5, 4, 5, 5], comment="Сильное решение, легко повторить.")
    assert first.get_by_text("откроются, когда их пришлют все эксперты").is_visible()
    first.screenshot(path=screenshots / "reviews-desk-first.png", full_page=True)

    second = signed_in_page(browser, site_server, experts[1].user)
    review_on_the_desk(second, site_server, points=[4, 4, 4, 4, 4], comment="Хорошо, но мало об этапах работы.")
    assert second.get_by_text("Сильное решение, легко повторить.").is_visible()

    admin = signed_in_page(browser, site_server, editor)
    admin.goto(site_server.url + "/admin/reviews/")
    admin.get_by_role("button", name="Опубликовать оценку").click()
    admin.get_by_text("опубликована").first.wait_for()

    visitor = browser.new_context(locale="ru-RU").new_page()
    visitor.goto(site_server.url + solution.url)
    section = visitor.get_by_role("region", name="Экспертная оценка")
    assert section.is_visible()
    text = section.inner_text()
    assert "88 из 100" in text and "Оценили 2 эксперта: Мария Орлова" in text and "Павел Лебедев" not in text
    visitor.screenshot(path=screenshots / "reviews-solution-score.png", full_page=True)
