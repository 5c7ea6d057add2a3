"""The editors' form that assigns experts to an item: a page (chosen in Wagtail's page chooser) or a project."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser
from wagtail.models import Page

from reviews.models import Expert, Rubric
from reviews.registry import reviewed_models


class AssignForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Работа"),
        queryset=Page.objects.all(),
        required=False,
        widget=AdminPageChooser(target_models=[m for m in reviewed_models() if issubclass(m, Page)]),
        help_text=_("Проектное решение, выставка или методический материал."),
    )
    project = forms.ModelChoiceField(
        label=_("Или проект"),
        queryset=Page.objects.none(),
        required=False,
        help_text=_("Проект из рабочего пространства проектов."),
    )
    rubric = forms.ModelChoiceField(label=_("Рубрика"), queryset=Rubric.objects.all())
    experts = forms.ModelMultipleChoiceField(
        label=_("Эксперты"),
        queryset=Expert.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Не меньше двух, чтобы оценка была независимой."),
    )
    due_on = forms.DateField(label=_("Срок"), required=False, widget=AdminDateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = apps.get_model("projects", "Project")
        self.fields["project"].queryset = project.objects.filter(live=True).order_by("title", "pk")

    def clean(self):
        data = super().clean()
        page, project = data.get("item"), data.get("project")
        if page and project:
            raise forms.ValidationError(_("Выберите что-то одно: страницу или проект."))
        if not page and not project and not self.errors.get("item") and not self.errors.get("project"):
            raise forms.ValidationError(_("Выберите работу или проект."))
        data["item"] = page or project
        return data
