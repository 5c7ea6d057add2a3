"""Russian first, English second: the UI, the admin and translated pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.views.defaults import server_error
from wagtail.models import Locale
from wagtail_localize.models import Translation

from pages.models import StandardPage


@pytest.mark.django_db
def test_site_and_ui_are_russian_by_default(client, home):
    html = client.get("/").text
    assert '<html lang="ru"' in html
    assert "Версия для слабовидящих" in html


@pytest.mark.django_db
def test_english_landing_is_served_under_en_with_english_ui(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="en"' in html
    assert "Skip to content" in html
    assert "Version for visually impaired readers" in html
    assert "Digital coworking space" in html


@pytest.mark.django_db
def test_language_switcher_links_the_translations(client, home):
    html = client.get("/").text
    assert 'hreflang="en"' in html and 'href="/en/"' in html


@pytest.mark.django_db
def test_admin_runs_in_russian(admin_client):
    html = admin_client.get("/admin/").text
    assert 'lang="ru"' in html
    assert "<title>Панель управления" in html


@pytest.mark.django_db
def test_editor_translates_a_page_through_wagtail_localize(
    admin_client, client, home, django_capture_on_commit_callbacks
):
    english = Locale.objects.get(language_code="en")
    # A page of its own: the demo's pages have their English already.
    regulations = home.add_child(instance=StandardPage(title="Правила библиотеки", slug="library-rules"))
    regulations.save_revision().publish()

    response = admin_client.post(f"/admin/localize/submit/page/{regulations.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=regulations.translation_key, target_locale=english)

    po_file = translation.export_po()
    title_entry = next(entry for entry in po_file if entry.msgid == regulations.title)
    title_entry.msgstr = "Library rules"
    upload = SimpleUploadedFile("regulations.po", str(po_file).encode(), content_type="text/x-gettext-translation")
    admin_client.post(f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload})

    english_page = regulations.get_translation(english)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{english_page.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302

    page = client.get("/en/library-rules/")
    assert page.status_code == 200
    assert "Library rules" in page.text
    assert '<html lang="en"' in page.text


def test_the_server_error_page_follows_the_readers_language(rf):
    with translation.override("en"):
        html = server_error(rf.get("/en/")).content.decode()
    assert '<html lang="en">' in html
    assert "Something went wrong" in html and "Go to the home page" in html
