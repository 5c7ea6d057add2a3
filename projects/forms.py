"""The forms of the project pages. They only read input; the rules are the services'."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from bank.models import SubjectArea
from projects.models import ArtefactKind, PostKind, ProjectKind
from residents.roles import Role


class StartForm(forms.Form):
    title = forms.CharField(label=_("Название"), max_length=200)
    summary = forms.CharField(
        label=_("Кратко: проблема и замысел"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )
    kind = forms.ChoiceField(label=_("Вид"), choices=ProjectKind.choices, initial=ProjectKind.INDIVIDUAL)
    subjects = forms.ModelMultipleChoiceField(
        label=_("Предметные области"), queryset=SubjectArea.objects.all(), required=False
    )
    tutor = forms.ModelChoiceField(
        label=_("Тьютор"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Педагог, который будет вести проект (для обучающегося)."),
    )
    school_class = forms.CharField(
        label=_("Класс"), max_length=20, required=False, help_text=_("Для педагога: весь класс — команда проекта.")
    )
    open_to_join = forms.BooleanField(label=_("Открыт для новых участников"), required=False)
    roles_sought = forms.CharField(label=_("Кого ищем"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tutor"].queryset = (
            get_user_model()
            .objects.filter(membership__role__in=[Role.TEACHER, Role.TUTOR], is_active=True)
            .order_by("last_name", "first_name")
        )
        self.fields["tutor"].label_from_instance = lambda user: user.get_full_name() or user.get_username()


class PostForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Вид"), choices=[(PostKind.UPDATE, PostKind.UPDATE.label), (PostKind.QUESTION, PostKind.QUESTION.label)]
    )
    text = forms.CharField(label=_("Текст"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))
    file = forms.FileField(label=_("Файл"), required=False)


class AnswerForm(forms.Form):
    text = forms.CharField(label=_("Ответ"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))


class ArtefactForm(forms.Form):
    kind = forms.ChoiceField(label=_("Вид"), choices=ArtefactKind.choices)
    title = forms.CharField(label=_("Название"), max_length=200)
    file = forms.FileField(label=_("Файл"), required=False)
    url = forms.URLField(label=_("Ссылка"), required=False, assume_scheme="https")


class CheckpointForm(forms.Form):
    title = forms.CharField(label=_("Что сделать"), max_length=200)
    due = forms.DateField(label=_("Срок"), widget=forms.DateInput(attrs={"type": "date"}))


class MemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Обучающийся"), queryset=get_user_model().objects.none())
    role = forms.CharField(label=_("Роль в команде"), max_length=100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(membership__role=Role.STUDENT, is_active=True)
            .select_related("membership")
            .order_by("membership__school_class", "last_name", "first_name")
        )
        self.fields["user"].label_from_instance = lambda user: (
            f"{user.first_name} {user.last_name[:1]}., {user.membership.school_class}"
        )


class JoinForm(forms.Form):
    role = forms.CharField(label=_("В какой роли"), max_length=100, required=False)
    message = forms.CharField(
        label=_("Сообщение тьютору"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class BoardFilterForm(forms.Form):
    school_class = forms.CharField(label=_("Класс"), max_length=20, required=False)
    stage = forms.ChoiceField(label=_("Стадия"), required=False)
    overdue = forms.BooleanField(label=_("Только с просроченными точками"), required=False)

    def __init__(self, *args, stages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", _("Все стадии")), *((stage.slug, stage.name) for stage in stages)]
