"""The bank's search parameters, as they appear in a shareable URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

SORT_CHOICES = [("relevance", _("по релевантности")), ("date", _("сначала новые"))]


class BankSearchForm(forms.Form):
    q = forms.CharField(label=_("Что ищем"), max_length=200, required=False)
    subject = forms.SlugField(label=_("Предметная область"), required=False)
    grade = forms.IntegerField(label=_("Класс"), min_value=1, max_value=11, required=False)
    year = forms.IntegerField(label=_("Учебный год"), min_value=2000, max_value=2100, required=False)
    type = forms.SlugField(label=_("Тип проекта"), required=False)
    tag = forms.SlugField(label=_("Метка"), required=False, allow_unicode=True)
    sort = forms.ChoiceField(label=_("Сортировка"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(label=_("Страница"), min_value=1, required=False)

    FILTERS = ("subject", "grade", "year", "type", "tag")

    def parameters(self) -> dict:
        """The valid parameters; an invalid one is dropped (the form's errors say which and why)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        values = {name: cleaned.get(name) for name in self.fields if name not in self.errors}
        values["q"] = (values.get("q") or "").strip()
        values["sort"] = values.get("sort") or "relevance"
        values["page"] = values.get("page") or 1
        return values


# The headings of the bank page's facet lists are the form's own labels, so the two never disagree.
FACET_LABELS = {name: BankSearchForm.base_fields[name].label for name in BankSearchForm.FILTERS}
