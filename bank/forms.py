"""The residents' forms of the bank: proposing a solution, and «мы использовали это решение».

The forms read the input; who may send and the limits are checked by `bank.services`.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from bank.models import ProjectType, SubjectArea
from bank.models.contributions import STORY_MAX_LENGTH
from pages.localized import localizing
from people.models import Person
from residents.roles import Role


class SolutionProposalForm(forms.Form):
    title = forms.CharField(label=_("Название"), max_length=255)
    summary = forms.CharField(label=_("Кратко"), max_length=300, help_text=_("Одно-два предложения."))
    problem = forms.CharField(label=_("Проблема"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
    goal = forms.CharField(label=_("Цель"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    result = forms.CharField(
        label=_("Результат или продукт"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reuse = forms.CharField(
        label=_("Как использовать повторно"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    grade_from = forms.IntegerField(label=_("Класс, с"), validators=[MinValueValidator(1), MaxValueValidator(11)])
    grade_to = forms.IntegerField(label=_("Класс, по"), validators=[MinValueValidator(1), MaxValueValidator(11)])
    project_type = forms.ModelChoiceField(label=_("Тип проекта"), queryset=ProjectType.objects.all())
    subjects = forms.ModelMultipleChoiceField(
        label=_("Предметные области"),
        queryset=SubjectArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tutor = forms.ModelChoiceField(
        label=_("Наставник"),
        queryset=Person.objects.filter(role__in=[Role.TEACHER, Role.TUTOR]),
        required=False,
        help_text=_("Обучающимся обязательно: педагог или тьютор, с которым вы делали проект."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One choice per subject, type and person, named in the reader's language.
        for name in ("project_type", "subjects", "tutor"):
            self.fields[name].queryset = localizing(self.fields[name].queryset)


class ReuseReportForm(forms.Form):
    story = forms.CharField(
        label=_("Как вы использовали решение"),
        max_length=STORY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Расскажите коротко, как вы использовали решение.")},
    )
    where = forms.CharField(
        label=_("Школа или класс"),
        max_length=200,
        error_messages={"required": _("Укажите школу или класс.")},
    )
    file = forms.FileField(
        label=_("Файл (необязательно)"), required=False, help_text=_("PDF, DOCX, PPTX, JPG или PNG, до 10 МБ.")
    )
