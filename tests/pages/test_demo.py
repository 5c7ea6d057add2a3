"""`manage.py load_demo` builds the whole site from the seeds, and running it again changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision
from wagtail.search.models import IndexEntry

from events.models import Event, EventFormat
from meetings.models import MeetingRoom
from pages.models import HomePage, RoadmapPage, SchoolSettings, StandardPage
from people.models import Person
from support.models import SupportTopic


def snapshot() -> dict:
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live", "locale__language_code")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "settings": list(SchoolSettings.objects.values()),
        "snippets": [model.objects.count() for model in (Event, EventFormat, MeetingRoom, Person, SupportTopic)],
        "documents": get_document_model().objects.count(),
        "indexes": [IndexEntry.objects.count(), ReferenceIndex.objects.count()],
    }


@pytest.mark.django_db
def test_load_demo_builds_the_site_in_russian():
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "Демо-контент готов" in output.getvalue()
    steps = [
        "[1/11] Страницы",
        "[6/11] Открытый банк проектных решений",
        "[7/11] Экспертная оценка",
        "[8/11] Опросы и обратная связь",
        "[9/11] Проекты",
        "[11/11] Английская версия страниц",
    ]
    for step in [*steps, "[11/11] готово за", "проиндексировано"]:
        assert step in output.getvalue(), "each step of the build is shown as it goes"

    home = HomePage.objects.get(locale__language_code="ru")
    assert home.live and home.body
    assert {"model", "regulations", "council"} <= set(StandardPage.objects.live().values_list("slug", flat=True))
    roadmap = RoadmapPage.objects.get(locale__language_code="ru")
    assert [len(product.value["tasks"]) for product in roadmap.products] == [4, 6, 2, 3, 3]
    regulations = StandardPage.objects.get(slug="regulations", locale__language_code="ru")
    text = str(regulations.body)
    for point in ["1.1.", "2.2.", "2.5.", "3.1."]:
        assert point in text


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing(demo_site):
    first = snapshot()
    call_command("load_demo", stdout=io.StringIO())
    assert snapshot() == first


@pytest.mark.django_db
def test_demo_images_are_drawn_locally(demo_site):
    images = get_image_model().objects.all()
    assert images.exists()
    for image in images:
        assert image.file.name.endswith(".png") and image.width > 0
