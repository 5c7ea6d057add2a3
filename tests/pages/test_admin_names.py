"""The Russian admin names Wagtail's own groups and the default moderation workflow in Russian."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Task, Workflow

from pages.models import StandardPage

pytestmark = pytest.mark.django_db


def test_wagtail_s_groups_workflow_and_task_have_russian_names(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {"Модераторы", "Редакторы"}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert Workflow.objects.filter(name="Согласование публикации").exists()
    assert Task.objects.filter(name="Проверка модератором").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_an_editor_submits_a_page_to_a_workflow_named_in_russian(client, empty_home, django_user_model):
    page = empty_home.add_child(instance=StandardPage(title="Положение", slug="regulations"))
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "password")
    client.force_login(editor)

    text = client.get(f"/admin/pages/{page.pk}/edit/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()

    assert "Согласование публикации" in text
    assert "Moderators approval" not in text
