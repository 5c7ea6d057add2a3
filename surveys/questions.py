"""The question types of a survey: Wagtail's own, plus a 1-5 scale, and the limits every answer keeps."""

import re

from anyascii import anyascii
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

SCALE = "scale"
SCALE_MIN, SCALE_MAX = 1, 5
SINGLE_LINE_MAX = 255
MULTI_LINE_MAX = 4000
FIELD_TYPE_CHOICES = (*FORM_FIELD_CHOICES, (SCALE, _("Шкала от 1 до 5")))

CHOICE_TYPES = {"dropdown", "radio", "checkboxes", "multiselect"}
MULTIPLE_TYPES = {"checkboxes", "multiselect"}

CLEAN_NAME_MAX = 60


def choice_list(text: str) -> list[str]:
    """The options of a question as Wagtail's form builder reads them: one per line, or comma-separated when the
    text is one line."""
    if len(lines := text.strip().splitlines()) > 1:
        return [line.strip().rstrip(",").strip() for line in lines]
    return [choice.strip() for choice in text.split(",")]


def question_key(label: str) -> str:
    """The key of a question's answers (in the stored data, the exports and the API): the label in Latin
    letters, `nravitsya_li_format`, where Wagtail's own key of a Russian label would be unreadable escapes."""
    words = re.findall(r"[a-z0-9]+", anyascii(label).lower().replace("'", ""))
    key = "_".join(words)[:CLEAN_NAME_MAX].strip("_") or "question"
    return f"q_{key}" if key[0].isdigit() else key
