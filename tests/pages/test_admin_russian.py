"""A Russian editor walks the Wagtail admin: no English or broken strings of the project's own (workflow and
task names, publishing labels, dates, model names in Wagtail's sentences), multiple choices as checkboxes,
and the school's name and logo."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Collection, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from bank.models import SolutionPage
from projects.models import Project
from residents.models import Membership

# Words of Wagtail's English UI that a missing or broken Russian catalogue leaves on screen, and the slips
# that Russian grammar catches: a model name in the nominative after «Выбрать», a word glued to the next.
ENGLISH_UI = re.compile(
    r"\b(More actions|Moderators approval|Moderators|Editors|Root|Choose|Publish(ed)?|Save|Delete|Edit|"
    r"Add|Cancel|Translated|created|updated|True|False|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b"
)
BROKEN_RUSSIAN = re.compile(
    r"Выбрать (другой )?(человек|партн[её]р|резидент|эксперт|стадия|событие)\b"
    r"|Добавить (стадия|тема|рубрика|предметная|приостановка|история)"
    r"|\b(создан|обновлен|опубликован|удален)[аоы]?\.$"
    r"|[а-яё](English|Русский)"
)


class VisibleText(HTMLParser):
    """The text a reader sees: no scripts, styles, templates or attributes."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.lines.append(" ".join(data.split()))


def visible_lines(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    return parser.lines


def admin_urls() -> list[str]:
    """The dashboard, the workflow menu, and the create and edit form of every snippet and page type."""
    urls = ["/admin/", reverse("wagtailadmin_workflows:index"), reverse("wagtailadmin_workflows:task_index")]
    for model in get_snippet_models():
        viewset = model.snippet_viewset
        urls.append(reverse(viewset.get_url_name("add")))
        if first := model.objects.order_by("pk").first():
            urls.append(reverse(viewset.get_url_name("edit"), args=[first.pk]))
    for model in get_page_models():
        if model._meta.app_label.startswith("wagtail") or not (page := model.objects.order_by("path").first()):
            continue
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        if model.can_create_at(parent := page.get_parent()) and model.can_exist_under(parent):
            app, name = model._meta.app_label, model._meta.model_name
            urls.append(reverse("wagtailadmin_pages:add", args=[app, name, parent.pk]))
    return urls


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", "password")
    client.force_login(editor)
    return client


def test_a_russian_editor_sees_no_english_or_broken_strings_in_the_admin(home, editor_client):
    found = {}
    for url in admin_urls():
        response = editor_client.get(url, HTTP_ACCEPT_LANGUAGE="ru")
        assert response.status_code == 200, url
        html = response.content.decode()
        bad = [line for line in visible_lines(html) if ENGLISH_UI.search(line) or BROKEN_RUSSIAN.search(line)]
        if bad:
            found[url] = bad
        assert "- Wagtail</title>" not in html, url

    assert found == {}


def test_the_admin_carries_the_school_s_name_and_logo(home, editor_client):
    login = Client().get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    dashboard = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    for html in (login, dashboard):
        assert "Экономический лицей № 373</title>" in html
        assert re.search(r'<link rel="icon" href="[^"]*favicon\.svg"', html)
    assert "Вход в редакцию: Экономический лицей № 373" in login
    assert re.search(r'<template data-wagtail-sidebar-branding-logo><img src="[^"]+" alt="Экономический', dashboard)
    assert "Sign in to Wagtail" not in login


def checkbox_names(html: str) -> set[str]:
    return set(re.findall(r'<input type="checkbox" name="([a-z_]+)"', html))


def test_multiple_choices_are_checkboxes(home, editor_client):
    solution = SolutionPage.objects.first()
    project = Project.objects.first()
    parent = Membership.objects.filter(children__isnull=False).first()
    forms = {
        reverse("wagtailadmin_pages:edit", args=[solution.pk]): {"subjects"},
        reverse(Project.snippet_viewset.get_url_name("edit"), args=[project.pk]): {"subjects", "consultants"},
        reverse(Membership.snippet_viewset.get_url_name("edit"), args=[parent.pk]): {"children"},
    }
    for url, fields in forms.items():
        html = editor_client.get(url).content.decode()
        assert fields <= checkbox_names(html), url
        assert not re.search(r"<select[^>]*multiple", html), url


def test_wagtail_localize_s_publish_label_reads_as_russian(editor_client, db):
    catalogue = editor_client.get(reverse("wagtail_localize:javascript_catalog"), HTTP_ACCEPT_LANGUAGE="ru")

    text = catalogue.content.decode()
    assert json.dumps({"Publish in ": "Опубликовать на языке: "})[1:-1] in text
    assert json.dumps({"Choose a %s": "Выбрать: %s"})[1:-1] in text


def test_wagtail_localize_s_translation_notes_carry_no_english_date():
    """wagtail-localize formats the date with strftime (English month names): the Russian note leaves it out."""
    with translation.override("ru"):
        note = gettext("Translated manually on {date}").format(date="30 November 2026")
        machine = gettext("Machine translated on {date}").format(date="30 November 2026")

    assert (note, machine) == ("Переведено вручную", "Машинный перевод")


def test_the_root_page_and_collection_have_russian_names(db):
    assert Page.objects.get(depth=1).title == "Все сайты"
    assert Collection.objects.get(depth=1).name == "Все файлы"
