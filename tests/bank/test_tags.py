"""The bank's tags in the reader's language: English names under /en/ and in the APIs asked in English, the
Russian ones (and the Russian search keywords) under /; the tag filter reads the Russian tag's slug in both."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from bank.models import BankTag, SolutionPage
from bank.search.selectors import solutions_search
from tests.bank.conftest import make_solution

GREENHOUSE_RU, GREENHOUSE_EN = "Умная теплица на Arduino", "Smart Arduino greenhouse"


def _greenhouse(language: str) -> SolutionPage:
    russian = SolutionPage.objects.get(title=GREENHOUSE_RU, locale__language_code="ru")
    return russian if language == "ru" else russian.get_translation(Locale.objects.get(language_code=language))


@pytest.mark.django_db
def test_an_english_solution_page_shows_its_tags_in_english_linking_to_the_english_bank(client, home):
    page = client.get(_greenhouse("en").url).text
    assert '?tag=датчики">sensors</a>' in page and '?tag=робототехника">robotics</a>' in page
    assert '?tag=arduino">arduino</a>' in page  # a Latin tag keeps its name
    assert ">датчики<" not in page and ">робототехника<" not in page

    filtered = client.get("/en/bank/", {"tag": "датчики"}).text  # the link of the tag: the Russian tag's slug
    assert GREENHOUSE_EN in filtered and GREENHOUSE_RU not in filtered
    assert 'class="facet__selected">sensors</a>' in filtered and ">датчики<" not in filtered


@pytest.mark.django_db
def test_a_russian_solution_page_and_bank_show_the_russian_tags(client, home):
    page = client.get(_greenhouse("ru").url).text
    assert '?tag=датчики">датчики</a>' in page and "sensors" not in page
    bank = client.get("/bank/", {"tag": "датчики"}).text
    assert GREENHOUSE_RU in bank and 'class="facet__selected">датчики</a>' in bank and "sensors" not in bank


@pytest.mark.django_db
def test_the_english_bank_filters_by_tags_named_in_english_with_the_russian_counts(client, home):
    english = client.get("/api/v3/bank/search/", HTTP_ACCEPT_LANGUAGE="en").json()["facets"]["tag"]
    russian = client.get("/api/v3/bank/search/").json()["facets"]["tag"]
    labels = {value["value"]: value["label"] for value in english}
    counts = {value["value"]: value["count"] for value in russian}  # the top 20: ties ordered by the label
    assert [value["count"] for value in english] == sorted(counts.values(), reverse=True)
    assert all(counts[value["value"]] == value["count"] for value in english if value["value"] in counts)
    assert labels["датчики"] == "sensors" and labels["arduino"] == "arduino"
    assert {value["value"]: value["label"] for value in russian}["датчики"] == "датчики"

    found = client.get("/api/v3/bank/search/", {"tag": "датчики"}, HTTP_ACCEPT_LANGUAGE="en").json()
    greenhouse = next(item for item in found["items"] if item["title"] == GREENHOUSE_EN)
    assert sorted(greenhouse["tags"]) == ["arduino", "robotics", "sensors"]
    russian_hit = client.get("/api/v3/bank/search/", {"tag": "датчики"}).json()["items"]
    assert sorted(next(item for item in russian_hit if item["title"] == GREENHOUSE_RU)["tags"]) == [
        "arduino",
        "датчики",
        "робототехника",
    ]

    solutions = client.get("/api/v2/solutions/", {"fields": "tag_names"}, HTTP_ACCEPT_LANGUAGE="en").json()
    tags = {name for item in solutions["items"] for name in item["tag_names"]}
    assert "sensors" in tags and "датчики" not in tags


@pytest.mark.django_db
def test_the_russian_search_finds_a_solution_by_its_tag(client, home):
    """A word only the tags carry is a search keyword in Russian, as before the tags were translated."""
    found = client.get("/api/v3/bank/search/", {"q": "генеалогия"}).json()["items"]
    assert found and all("генеалогия" in item["tags"] for item in found[:1])


@pytest.mark.django_db
def test_an_editor_translates_a_tag_in_the_admin(admin_client, home):
    english = Locale.objects.get(language_code="en")
    tag = BankTag.objects.create(name="метеостанция")
    assert tag.locale.language_code == "ru" and tag.slug == "метеостанция"
    url = reverse("wagtail_localize:submit_snippet_translation", args=["bank", "banktag", tag.pk])
    listing = admin_client.get(reverse("wagtailsnippets_bank_banktag:list"), {"q": "метео"}).text
    assert url in listing  # «Перевести» in the list, found by the admin's search

    assert admin_client.post(url, {"locales": [english.pk]}).status_code == 302
    assert Translation.objects.filter(source__object_id=tag.translation_key, target_locale=english).exists()
    translated = tag.get_translation(english)
    assert translated.slug == "метеостанция"  # the filter's slug is the source's
    edit = admin_client.get(reverse("wagtailsnippets_bank_banktag:edit", args=[translated.pk]))
    assert edit.status_code == 200


@pytest.mark.django_db
def test_a_tag_typed_on_a_solution_is_the_russian_one_even_beside_a_translation_of_that_name(bank):
    first = make_solution(bank, title="Метеостанция", text="датчики", tags=("python",))
    tag = BankTag.objects.get(name="python")
    assert tag.locale.language_code == "ru"
    translation = tag.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    translation.save()
    assert BankTag.objects.filter(name="python").count() == 2

    second = make_solution(bank, title="Чат-бот", text="бот", tags=("python", "бот"))
    assert set(second.tags.all()) == {tag, BankTag.objects.get(name="бот")}
    assert BankTag.objects.get(name="бот").locale.language_code == "ru"
    found = solutions_search(user=None, params={"tag": "python"})
    assert {item.title for item in found.results} == {first.title, second.title}
