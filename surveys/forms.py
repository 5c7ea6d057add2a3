"""The visitor's form of a survey: Wagtail's form builder with a 1-5 scale, limits on every answer, and a
honeypot that people never see and bots fill in."""

import django.forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from surveys.questions import MULTI_LINE_MAX, SCALE_MAX, SCALE_MIN, SINGLE_LINE_MAX

HONEYPOT = "website"
SCALE_CHOICES = [(value, str(value)) for value in range(SCALE_MIN, SCALE_MAX + 1)]


def _scale_error() -> str:
    return gettext("Выберите оценку от %(min)d до %(max)d.") % {"min": SCALE_MIN, "max": SCALE_MAX}


class ScaleField(django.forms.TypedChoiceField):
    # Lazy, so that a reader of the English page gets it in English.
    default_error_messages = {"invalid_choice": lazy(_scale_error, str)()}

    def __init__(self, **options):
        options.pop("initial", None)
        super().__init__(
            choices=SCALE_CHOICES, coerce=int, widget=django.forms.RadioSelect(attrs={"class": "scale"}), **options
        )


class SurveyFormBuilder(FormBuilder):
    """Wagtail's builder with Russian limits: a line up to 255 characters, a text up to 4,000, a 1-5 scale."""

    def create_singleline_field(self, field, options):
        return django.forms.CharField(max_length=SINGLE_LINE_MAX, **options)

    def create_multiline_field(self, field, options):
        return django.forms.CharField(widget=django.forms.Textarea, max_length=MULTI_LINE_MAX, **options)

    def create_scale_field(self, field, options):
        return ScaleField(**options)

    def get_form_class(self):
        return type("SurveyForm", (SurveyBaseForm,), self.formfields)


class SurveyBaseForm(BaseForm):
    """Adds the honeypot: hidden from people (and from screen readers), tempting to bots."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT] = django.forms.CharField(
            label=_("Не заполняйте это поле"),
            required=False,
            widget=django.forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def clean(self):
        """The honeypot is no answer: it is neither stored nor sent in the editors' e-mail."""
        cleaned_data = super().clean()
        cleaned_data.pop(HONEYPOT, None)
        return cleaned_data
