"""Every field of every editing form of the project's pages and snippets tells the editor what to put in it."""

import pytest
from django.utils import translation
from wagtail.admin.panels import FieldPanel, InlinePanel, PublishingPanel, get_edit_handler
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

PROJECT_APPS = {"pages", "events", "meetings", "exhibitions", "support", "surveys", "bank", "reviews", "projects"}
PROJECT_APPS |= {"people", "residents"}


def project_models() -> list:
    pages = [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]
    return pages + [model for model in get_snippet_models() if model._meta.app_label in PROJECT_APPS]


def edit_handler(model):
    return model.get_edit_handler() if hasattr(model, "get_edit_handler") else get_edit_handler(model)


def field_panels(panel, model):
    """The editing form's fields, with the inline panels' own: Wagtail's scheduling panel is left out (its dates
    carry Wagtail's own explanation in the panel's heading)."""
    if isinstance(panel, PublishingPanel):
        return
    if isinstance(panel, InlinePanel):
        related = model._meta.get_field(panel.relation_name).related_model
        for child in panel.panel_definitions:
            yield from field_panels(child.bind_to_model(related), related)
    elif isinstance(panel, FieldPanel):
        yield model, panel
    else:
        for child in getattr(panel, "children", ()):
            yield from field_panels(child, model)


@pytest.mark.parametrize("model", project_models(), ids=lambda model: model._meta.label)
def test_every_field_of_the_editing_form_has_a_russian_help_text(model):
    missing = []
    with translation.override("ru"):
        for owner, panel in field_panels(edit_handler(model), model):
            field = owner._meta.get_field(panel.field_name)
            text = str(panel.help_text or getattr(field, "help_text", "") or "").strip()
            if not text or not any("а" <= letter.lower() <= "я" for letter in text):
                missing.append(f"{owner.__name__}.{panel.field_name}")

    assert missing == []
