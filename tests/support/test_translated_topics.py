"""Support topics in the reader's language: the library's filter, each material's topics and the API asked in
English read the demo's English topics; the Russian site and API are unchanged; the filter keeps its slugs."""

import pytest

from pages.demo.snippet_translation import ensure_english_snippet
from support.models import MaterialPage, SupportTopic

PROJECT_RU, PROJECT_EN = "Индивидуальный проект", "Individual project"
TUTORING_RU, TUTORING_EN = "Тьюторское сопровождение", "Tutor support"
REPORT = "/admin/reports/translations-missing/"
MATERIAL = "project-stages-guide"  # on the topic «Индивидуальный проект»


def titles(html: str, pages) -> set[str]:
    return {page.title for page in pages if page.title in html}


@pytest.mark.django_db
def test_the_library_filters_by_topics_named_in_the_readers_language(admin_client, home):
    english = admin_client.get("/en/support/materials/").text
    assert f'<option value="project">{PROJECT_EN}</option>' in english
    assert f'<option value="tutoring">{TUTORING_EN}</option>' in english
    assert PROJECT_RU not in english and TUTORING_RU not in english
    assert (
        english.count("<option value=") - english.count('<option value="">')
        >= SupportTopic.objects.filter(locale__language_code="ru").count()
    )
    russian = admin_client.get("/support/materials/").text
    assert f'<option value="project">{PROJECT_RU}</option>' in russian and PROJECT_EN not in russian

    english_materials = MaterialPage.objects.filter(locale__language_code="en")
    russian_materials = MaterialPage.objects.filter(locale__language_code="ru")
    filtered_en = admin_client.get("/en/support/materials/", {"topic": "project"}).text
    filtered_ru = admin_client.get("/support/materials/", {"topic": "project"}).text
    assert len(titles(filtered_en, english_materials)) == len(titles(filtered_ru, russian_materials)) > 0
    assert PROJECT_EN in filtered_en and PROJECT_RU not in filtered_en


@pytest.mark.django_db
def test_a_material_names_its_topics_in_the_readers_language(admin_client, home):
    english = admin_client.get(f"/en/support/materials/{MATERIAL}/")
    assert english.status_code == 200
    assert PROJECT_EN in english.text and PROJECT_RU not in english.text
    assert PROJECT_RU in admin_client.get(f"/support/materials/{MATERIAL}/").text


@pytest.mark.django_db
def test_the_api_names_topics_in_the_language_asked_for(admin_client, home):
    russian = admin_client.get("/api/v3/support/materials/", {"limit": 100}).json()["items"]
    english = admin_client.get("/api/v3/support/materials/", {"limit": 100}, HTTP_ACCEPT_LANGUAGE="en").json()
    topics_en = {(topic["slug"], topic["name"]) for item in english["items"] for topic in item["topics"]}
    topics_ru = {(topic["slug"], topic["name"]) for item in russian for topic in item["topics"]}
    assert ("project", PROJECT_EN) in topics_en and ("project", PROJECT_RU) in topics_ru
    assert {slug for slug, _name in topics_en} == {slug for slug, _name in topics_ru}
    assert not {name for _slug, name in topics_en} & {name for _slug, name in topics_ru}
    filtered = admin_client.get("/api/v3/support/materials/", {"topic": "project"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert filtered["meta"]["total_count"] == sum(
        1 for item in russian if "project" in {topic["slug"] for topic in item["topics"]}
    )


@pytest.mark.django_db
def test_a_new_topic_without_translation_falls_back_to_russian(admin_client, home):
    new = SupportTopic.objects.create(name="Профориентация", slug="careers")
    english = admin_client.get("/en/support/materials/").text
    assert '<option value="careers">Профориентация</option>' in english and PROJECT_EN in english
    assert "Профориентация" in admin_client.get(REPORT).text  # the editors' report of missing English
    ensure_english_snippet(new, strings={"Профориентация": "Career guidance"})
    assert "Профориентация" not in admin_client.get(REPORT).text
    english = admin_client.get("/en/support/materials/").text
    assert '<option value="careers">Career guidance</option>' in english and "Профориентация" not in english
    assert english.count('<option value="careers">') == 1
