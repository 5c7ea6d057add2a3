"""The forms of the project pages. They only read input; the rules are the services'."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bank.models import SubjectArea
from pages.localized import localizing
from projects.models import ArtefactKind, PostKind, ProjectKind
from projects.selectors import person_label
from residents.audiences import Audience
from residents.models import Partner, Tier
from residents.roles import Role


def _consultant_label(user) -> str:
    name = user.get_full_name() or user.get_username()
    partner = user.membership.partner
    return f"{name} ({partner.name})" if partner else name


class PeopleFieldsMixin(forms.Form):
    """Who consults the project, its partner organisation and who sees it once published: on the start form
    and on the tutor's settings. Only the choices are here; the services check the rules."""

    consultants = forms.ModelMultipleChoiceField(
        label=_("Консультанты"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Педагоги лицея или представители партнёра проекта."),
    )
    partner = forms.ModelChoiceField(
        label=_("Партнёр"), queryset=Partner.objects.none(), required=False, empty_label=_("Без партнёра")
    )
    audience = forms.TypedChoiceField(
        label=_("Кому открыт опубликованный проект"),
        choices=Audience.choices,
        initial=Audience.EVERYONE,
        required=False,
        empty_value=Audience.EVERYONE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultants"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(membership__tier=Tier.INTERNAL, membership__role__in=[Role.TEACHER, Role.TUTOR])
                | Q(membership__tier=Tier.EXTERNAL, membership__partner__isnull=False)
            )
            .select_related("membership__partner")
            .order_by("last_name", "first_name", "pk")
        )
        self.fields["consultants"].label_from_instance = _consultant_label
        self.fields["partner"].queryset = Partner.objects.filter(contract_end__gte=timezone.localdate()).order_by(
            "name", "pk"
        )


class SettingsForm(PeopleFieldsMixin):
    open_to_join = forms.BooleanField(label=_("Открыт для новых участников"), required=False)
    roles_sought = forms.CharField(label=_("Кого ищем"), max_length=300, required=False)

    @classmethod
    def for_project(cls, project, **kwargs):
        initial = {
            "consultants": list(project.consultants.all()),
            "partner": project.partner_id,
            "audience": project.audience,
            "open_to_join": project.open_to_join,
            "roles_sought": project.roles_sought,
        }
        return cls(initial=initial, **kwargs)


class StartForm(PeopleFieldsMixin):
    title = forms.CharField(label=_("Название"), max_length=200)
    summary = forms.CharField(
        label=_("Кратко: проблема и замысел"), max_length=1000, widget=forms.Textarea(attrs={"rows": 4})
    )
    kind = forms.ChoiceField(label=_("Вид"), choices=ProjectKind.choices, initial=ProjectKind.INDIVIDUAL)
    subjects = forms.ModelMultipleChoiceField(
        label=_("Предметные области"),
        queryset=SubjectArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
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

    field_order = ["title", "summary", "kind", "subjects", "tutor", "school_class", "consultants", "partner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subjects"].queryset = localizing(SubjectArea.objects.all())
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
    responsible = forms.TypedChoiceField(label=_("Ответственный"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, members=(), **kwargs):
        """`members`: the project's team (with their users), the only people who may answer for a point."""
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = [
            ("", _("Вся команда")),
            *((member.user_id, person_label(member.user, inside=True)) for member in members),
        ]


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
            f"{person_label(user, inside=True)}, {user.membership.school_class}"
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
