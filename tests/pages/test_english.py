"""The English version of the demo: every page under /en/ in English, its menu, its language switch, and the
editors' side of translating (a draft, a warning, the report of what is missing)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment

from bank.models import SolutionPage
from pages.demo import translation
from pages.models import SchoolSettings, StandardPage
from tests.english import CYRILLIC_WORD, russian_words

BANK_ENGLISH = Path(settings.BASE_DIR) / "bank" / "demo" / "english.yaml"


def english_pages() -> list[Page]:
    pages = Page.objects.filter(locale__language_code="en").live().order_by("path").specific()
    if not BANK_ENGLISH.exists():  # the solutions' English comes with the bank's english.yaml
        pages = pages.not_type(SolutionPage)
    return list(pages)


def russian_on(admin_client, urls) -> dict[str, list[str]]:
    found = {}
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="en"' in response.text, url
        words = russian_words(response.text)
        if words:
            found[url] = words[:10]
    return found


@pytest.mark.django_db
def test_every_demo_page_is_published_in_english(home):
    russian = Page.objects.filter(locale__language_code="ru", depth__gt=1).live()
    english_keys = set(Page.objects.filter(locale__language_code="en").live().values_list("translation_key", flat=True))
    assert [page.url_path for page in russian if page.translation_key not in english_keys] == []


@pytest.mark.django_db
def test_english_pages_read_in_english(admin_client, home):
    """Every English page of every type (a staff reader opens them all) has no Russian left outside names."""
    urls = [page.url for page in english_pages()]
    assert len(urls) >= 10
    found = russian_on(admin_client, urls)
    assert not found, "\n".join(f"{url}: {' '.join(words)}" for url, words in found.items())


@pytest.mark.django_db
def test_loading_the_demo_again_translates_nothing_twice(home):
    english = Locale.objects.get(language_code="en")
    before = Page.objects.filter(locale=english).count()
    lines = []
    translation.load_demo(home=home, report=lines.append)
    assert Page.objects.filter(locale=english).count() == before
    assert lines == []


@pytest.mark.django_db
def test_the_english_menu_is_built_from_the_english_tree(client, home):
    html = client.get("/en/").text
    menu = html[html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))]
    assert "Events" in menu and "Exhibitions" in menu and "Roadmap" in menu
    links = re.findall(r'href="([^"]+)"', menu)
    assert links and all(link.startswith("/en/") for link in links), links
    assert not CYRILLIC_WORD.search(re.sub(r"<[^>]+>", " ", menu))


@pytest.mark.django_db
def test_the_language_switch_leads_to_the_same_page_or_the_other_home(client, home):
    assert 'href="/en/regulations/" hreflang="en"' in client.get("/regulations/").text
    assert 'href="/regulations/" hreflang="ru"' in client.get("/en/regulations/").text
    untranslated = home.add_child(instance=StandardPage(title="Новости лицея", slug="news", locale=home.locale))
    untranslated.save_revision().publish()
    assert 'href="/en/" hreflang="en"' in client.get("/news/").text


def fresh_russian_page(home) -> StandardPage:
    page = home.add_child(
        instance=StandardPage(title="Расписание консультаций", slug="consultations", introduction="Когда и где.")
    )
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_translating_a_page_makes_an_english_draft_with_a_warning(
    admin_client, client, home, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    page = fresh_russian_page(home)

    response = admin_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    draft = page.get_translation(english)
    assert not draft.live
    assert client.get("/en/consultations/").status_code == 404
    assert "consultations" not in client.get("/en/").text  # not in the English menu either

    response = admin_client.get(f"/admin/pages/{draft.pk}/edit/")
    warnings = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Не переведено строк: 2" in message for message in warnings), warnings

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = admin_client.post(f"/admin/pages/{draft.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.live
    warnings = [message for message in get_messages(response.wsgi_request) if message.level_tag == "warning"]
    assert warnings  # wagtail-localize's own: published with missing translations
    assert client.get("/en/consultations/").status_code == 200


@pytest.mark.django_db
def test_the_report_lists_pages_without_english_or_with_russian_left(admin_client, home):
    english = Locale.objects.get(language_code="en")
    page = fresh_russian_page(home)
    regulations = StandardPage.objects.get(slug="regulations", locale__language_code="ru").get_translation(english)
    regulations.title = "Положение (перевод не закончен)"
    regulations.save_revision()

    response = admin_client.get("/admin/reports/translations-missing/")
    assert response.status_code == 200
    html = response.text
    assert "Нет перевода на английский" in html
    assert page.title in html and "Нет английской версии" in html
    # Listed under the Russian page's title, linked to the English page's editor.
    assert "Положение об организации работы в цифровом коворкинговом пространстве" in html
    assert "Есть непереведённые строки" in html and f"/admin/pages/{regulations.pk}/edit/" in html
    assert "Regulations on the work of the digital coworking space" not in html  # the finished pages are not listed
    assert "translations-missing" in admin_client.get("/admin/").text  # in the Reports menu


@pytest.mark.django_db
def test_the_council_table_reads_in_english(admin_client, client, home):
    html = client.get("/en/council/").text
    table = html[html.index('<div class="block-table"') : html.index("</table>")]
    assert "<caption>What the Coworking space decides, who decides and on what grounds</caption>" in table
    assert '<th scope="col">Who decides</th>' in table
    assert "<td>Admitting an internal resident (someone involved in education at the Lyceum)</td>" in table
    assert "<td>The Lyceum: registration in Sferum through the School</td>" in table
    assert not CYRILLIC_WORD.search(re.sub(r"<[^>]+>", " ", table))
    assert russian_on(admin_client, ["/en/council/"]) == {}
    russian = client.get("/council/").text
    assert "<td>Прием внутреннего резидента (участника образовательных отношений в Лицее)</td>" in russian


@pytest.mark.django_db
def test_translating_a_page_offers_its_table_cells(admin_client, home):
    page = home.add_child(
        instance=StandardPage(
            title="Дежурства",
            slug="duties",
            body=[
                (
                    "table",
                    {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "График дежурств",
                        "data": [["День", "Кто дежурит"], ["Понедельник", ""]],
                    },
                )
            ],
        )
    )
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    assert admin_client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]}).status_code == 302

    segments = StringSegment.objects.filter(source__object_id=page.translation_key, context__path__startswith="body.")
    table = f"body.{page.body[0].id}"
    assert sorted(segments.values_list("context__path", "string__data")) == [
        (f"{table}.caption", "График дежурств"),
        (f"{table}.cell.0.0", "День"),
        (f"{table}.cell.0.1", "Кто дежурит"),
        (f"{table}.cell.1.0", "Понедельник"),
    ]
    draft = page.get_translation(english)
    assert admin_client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 200  # the translation editor opens


@pytest.mark.django_db
def test_english_readers_see_the_school_in_english(client, home):
    html = client.get("/en/regulations/").text
    assert "— Economic Lyceum No. 373</title>" in html
    assert '<span class="site-brand__school">Economic Lyceum No. 373</span>' in html
    assert '<meta property="og:site_name" content="State Lyceum No. 373 of the Moskovsky District' in html
    assert '<meta property="og:image:alt" content="Economic Lyceum No. 373">' in html  # the logo stands in
    footer = html[html.index('<footer class="site-footer">') :]
    assert "State Lyceum No. 373 of the Moskovsky District of St Petersburg (the “Economic Lyceum”)" in footer
    assert "A digital coworking space for joint work of everyone involved in education" in footer
    assert "<p>Moskovsky District, St Petersburg, 196000</p>" in footer
    assert "Phone" in footer and "+7 (812) 373-03-73" in footer and "mailto:coworking@lyceum373.spb.ru" in footer
    assert not CYRILLIC_WORD.search(re.sub(r"<[^>]+>", " ", footer))

    russian = client.get("/regulations/").text
    assert "— Экономический лицей № 373</title>" in russian
    assert '<span class="site-brand__school">Экономический лицей № 373</span>' in russian
    assert "ГБОУ лицей № 373 Московского района Санкт-Петербурга «Экономический лицей»" in russian
    assert "<p>196000, Санкт-Петербург, Московский район</p>" in russian
    assert '<meta property="og:image:alt" content="Эмблема: раскрытая книга в круге">' in russian
    assert "Economic Lyceum" not in russian


@pytest.mark.django_db
def test_a_school_text_without_english_shows_the_russian_one(admin_client, client, home):
    school = SchoolSettings.for_site(Site.objects.get(is_default_site=True))
    school.short_name_en = ""
    school.save()
    assert '<span class="site-brand__school">Экономический лицей № 373</span>' in client.get("/en/").text

    form = admin_client.get(f"/admin/settings/pages/schoolsettings/{school.site_id}/").text
    assert "Английская версия" in form and "Пустое поле — показывается русский текст." in form
    assert 'name="short_name_en"' in form and 'name="footer_text_en"' in form
