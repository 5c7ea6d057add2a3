"""The editors' form that assigns experts to an item."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser
from wagtail.models import Page

from reviews.models import Expert, Rubric
from reviews.registry import reviewed_models


class AssignForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Работа"),
        queryset=Page.objects.all(),
        widget=AdminPageChooser(target_models=[m for m in reviewed_models() if issubclass(m, Page)]),
        help_text=_("Проектное решение, выставка или методический материал."),
    )
    rubric = forms.ModelChoiceField(label=_("Рубрика"), queryset=Rubric.objects.all())
    experts = forms.ModelMultipleChoiceField(
        label=_("Эксперты"),
        queryset=Expert.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Не меньше двух, чтобы оценка была независимой."),
    )
    due_on = forms.DateField(label=_("Срок"), required=False, widget=AdminDateInput)
