"""Snippets shown to visitors (events, formats, subjects, people, exhibits) in the reader's language: the English
version under /en/ and in the APIs asked in English, the Russian one under /, each object once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from bank.models import SubjectArea
from events.models import Event, EventFormat, EventFormatStep
from pages.demo.snippet_translation import ensure_english_snippet
from tests.english import CYRILLIC_WORD

STANDUP_RU, STANDUP_EN = "Стендап проектных команд 11 класса", "Stand-up of the Year 11 project teams"


@pytest.mark.django_db
def test_events_and_formats_read_in_english_under_en_and_in_russian_under_root(client, home):
    event = Event.objects.get(title=STANDUP_RU, locale__language_code="ru")

    english = client.get("/en/events/").text
    assert english.count(STANDUP_EN) == 1 and STANDUP_RU not in english
    assert "Stand-up" in english and "SCRUM-сессия" not in english  # the format filter
    russian = client.get("/events/").text
    assert russian.count(STANDUP_RU) == 1 and STANDUP_EN not in russian

    detail = client.get(f"/en/events/{event.pk}/")
    assert detail.status_code == 200
    assert STANDUP_EN in detail.text and "The teams tell what they did this week" in detail.text
    assert "Lyceum No. 373, room 305" in detail.text
    english_row = event.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(f"/en/events/{english_row.pk}/").status_code == 404  # links and registrations: the source

    generator = client.get("/en/generator/").text
    formats = EventFormat.objects.filter(locale__language_code="ru").count()
    assert generator.count("<option") >= formats
    assert "Scrum session" in generator and "PechaKucha" in generator and "SCRUM-сессия" not in generator
    choices = {"event_format": "stand-up", "topic": "Sprint", "date": "2026-12-01", "time": "10:00"}
    choices |= {"duration": 15, "participants": 5}
    programme = client.get("/en/generator/", choices).text
    assert "Gathering and the aim of the meeting" in programme and "Facilitator" in programme
    assert "Сбор и цель встречи" not in programme
    assert "Сбор и цель встречи" in client.get("/generator/", choices).text


@pytest.mark.django_db
def test_the_bank_filters_by_subjects_named_in_the_readers_language(client, home):
    """The bank's facets: English labels for the same Russian rows (the same slugs and counts)."""
    english = client.get("/api/v3/bank/search/", HTTP_ACCEPT_LANGUAGE="en").json()["facets"]
    russian = client.get("/api/v3/bank/search/").json()["facets"]
    labels = {value["value"]: value["label"] for value in english["subject"]}
    assert labels["informatics"] == "Computer science"
    assert {value["value"]: value["label"] for value in russian["subject"]}["informatics"] == "Информатика"
    assert [(value["value"], value["count"]) for value in english["subject"]] == sorted(
        ((value["value"], value["count"]) for value in russian["subject"]), key=lambda item: labels[item[0]]
    )
    assert {value["label"] for value in english["type"]} == {"Individual project", "Group project"}
    filtered = client.get("/api/v3/bank/search/", {"subject": "informatics"}, HTTP_ACCEPT_LANGUAGE="en").json()
    informatics = next(value["count"] for value in russian["subject"] if value["value"] == "informatics")
    assert filtered["meta"]["total_count"] == informatics
    assert "Информатика" in client.get("/bank/").text


@pytest.mark.django_db
def test_exhibits_are_translated_with_their_exhibition_page(client, home):
    english = client.get("/en/exhibitions/economy-around-us/").text
    assert "Personal finance" in english and "A family budget for a month" in english
    assert "Tatyana Nikolayevna Gromova" in english  # the curator, a person
    assert "Семейный бюджет на месяц" not in english
    russian = client.get("/exhibitions/economy-around-us/").text
    assert "Семейный бюджет на месяц" in russian and "A family budget for a month" not in russian


@pytest.mark.django_db
def test_the_apis_answer_in_the_language_asked_for(client, home):
    russian = client.get("/api/v3/events/", {"limit": 100}).json()["items"]
    english = client.get("/api/v3/events/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [item["id"] for item in english] == [item["id"] for item in russian]  # the same events, once each
    standup = next(item for item in english if item["title"] == STANDUP_EN)
    assert standup["format"]["name"] == "Stand-up" and standup["format"]["slug"] == "stand-up"
    assert STANDUP_RU in {item["title"] for item in russian}

    formats = client.get("/api/v3/event-formats/stand-up/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert formats["name"] == "Stand-up"
    assert client.get("/api/v3/event-formats/stand-up/").json()["name"] == "Стендап"

    solutions = client.get("/api/v2/solutions/", {"fields": "subject_names"}, HTTP_ACCEPT_LANGUAGE="en").json()
    subjects = {name for item in solutions["items"] for name in item["subject_names"]}
    assert "Computer science" in subjects and "Информатика" not in subjects


@pytest.mark.django_db
def test_editing_the_russian_source_keeps_the_english_translation(client, home):
    event = Event.objects.get(title=STANDUP_RU, locale__language_code="ru")
    event.title = "Стендап проектных команд 11-х классов"
    event.save_revision().publish()

    english = client.get("/api/v3/events/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert [item["title"] for item in english].count(STANDUP_EN) == 1
    russian = client.get(f"/api/v3/events/{event.pk}/").json()
    assert russian["title"] == "Стендап проектных команд 11-х классов"


@pytest.mark.django_db
def test_an_editor_translates_a_snippet_in_the_admin(admin_client, home):
    english = Locale.objects.get(language_code="en")
    subject = SubjectArea.objects.create(name="Астрономия", slug="astronomy")
    url = reverse("wagtail_localize:submit_snippet_translation", args=["bank", "subjectarea", subject.pk])
    assert url in admin_client.get(reverse("wagtailsnippets_bank_subjectarea:list")).text  # «Перевести» in the list

    response = admin_client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=subject.translation_key, target_locale=english)
    translated = subject.get_translation(english)
    assert translated.slug == "astronomy"  # the slug is unique per language, shared by the translations
    edit = admin_client.get(reverse("wagtailsnippets_bank_subjectarea:edit", args=[translated.pk]))
    assert edit.status_code == 200 and "Астрономия" in edit.text
    assert translation.source.object_id == subject.translation_key


@pytest.mark.django_db
def test_a_new_snippet_without_translation_falls_back_to_russian(client, home):
    formats = EventFormat.objects.filter(locale__language_code="ru")
    new = EventFormat(name="Дебаты", slug="debates", description="Две команды спорят по правилам.")
    new.steps = [EventFormatStep(title="Раунд", weight=10)]
    new.save()
    english = client.get("/api/v3/event-formats/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    names = [item["name"] for item in english]
    assert "Дебаты" in names and "Stand-up" in names and len(names) == formats.count()
    ensure_english_snippet(new, strings={"Дебаты": "Debates"})
    english = client.get("/api/v3/event-formats/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    assert "Debates" in [item["name"] for item in english] and len(english) == formats.count()


@pytest.mark.django_db
def test_the_solutions_subjects_in_english_cost_the_same_queries_for_a_longer_list(client, home):
    def queries(limit: int) -> tuple[int, list]:
        params = {"fields": "subject_names", "limit": limit}
        client.get("/api/v2/solutions/", params, HTTP_ACCEPT_LANGUAGE="en")  # what is made once (caches)
        with CaptureQueriesContext(connection) as captured:
            items = client.get("/api/v2/solutions/", params, HTTP_ACCEPT_LANGUAGE="en").json()["items"]
        return len(captured), items

    few, short = queries(2)
    many, long = queries(12)
    assert len(short) == 2 and len(long) == 12
    assert many == few, f"{few} queries for 2 solutions, {many} for 12"
    subjects = {name for item in long for name in item["subject_names"]}
    assert subjects and not any(CYRILLIC_WORD.search(name) for name in subjects), subjects
