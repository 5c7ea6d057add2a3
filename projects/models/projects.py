"""A project and its team. Written through `projects.services`; editors and methodologists also edit it in
the admin as a snippet with drafts, revisions, history and locking."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin

from bank.models.pages import GRADES, academic_year_label, current_academic_year
from projects.models.stages import source_stages
from residents.audiences import Audience, audience_field


class ProjectKind(models.TextChoices):
    INDIVIDUAL = "individual", _("индивидуальный")
    COLLECTIVE = "collective", _("коллективный")


class Project(DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A project of one student or a team, with a tutor, worked on stage by stage.

    Its people (team, tutor, consultants, staff, the team's parents) see it and its journal; anyone else sees
    it only once it is published, and then only as far as `audience` opens it. Not in the search index: the
    only search that finds a project is the bank's, once its solution is published there."""

    title = models.CharField(_("название"), max_length=200, help_text=_("Рабочее название проекта."))
    summary = models.TextField(
        _("кратко"), max_length=1000, help_text=_("Одно-два предложения о проекте для карточки на доске проектов.")
    )
    problem = models.TextField(_("проблема"), blank=True, help_text=_("Какую проблему решает проект."))
    goal = models.TextField(_("цель"), blank=True, help_text=_("Чего команда хочет добиться."))
    result = models.TextField(
        _("результат или продукт"), blank=True, help_text=_("Какой продукт или результат получится в конце.")
    )
    kind = models.CharField(
        _("вид"),
        max_length=20,
        choices=ProjectKind.choices,
        default=ProjectKind.INDIVIDUAL,
        help_text=_("Индивидуальный или коллективный проект."),
    )
    subjects = ParentalManyToManyField(
        "bank.SubjectArea",
        verbose_name=_("предметные области"),
        blank=True,
        help_text=_("Отметьте предметные области, к которым относится проект."),
    )
    grade_from = models.PositiveSmallIntegerField(
        _("класс, с"), validators=GRADES, default=9, help_text=_("Самый младший класс участников (1–11).")
    )
    grade_to = models.PositiveSmallIntegerField(
        _("класс, по"), validators=GRADES, default=9, help_text=_("Самый старший класс участников (1–11).")
    )
    academic_year = models.PositiveSmallIntegerField(
        _("учебный год"),
        default=current_academic_year,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        db_index=True,
        help_text=_("Год начала учебного года, например 2026 для 2026/27."),
    )
    stage = models.ForeignKey(
        "projects.Stage",
        verbose_name=_("стадия"),
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to=source_stages,
        help_text=_("На какой стадии сейчас проект."),
    )
    tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("тьютор"),
        on_delete=models.PROTECT,
        related_name="tutored_projects",
        help_text=_("Педагог или тьютор лицея, который ведёт проект и одобряет переходы между стадиями."),
    )
    consultants = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("консультанты"),
        blank=True,
        related_name="consulted_projects",
        help_text=_("Педагоги или представители партнёра."),
    )
    partner = models.ForeignKey(
        "residents.Partner",
        verbose_name=_("партнёр"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("Необязательно: организация-партнёр, которая сопровождает проект."),
    )
    open_to_join = models.BooleanField(
        _("открыт для участников"),
        default=False,
        help_text=_("Отметьте, чтобы другие резиденты могли попроситься в команду."),
    )
    roles_sought = models.CharField(
        _("кого ищем"), max_length=300, blank=True, help_text=_("Кого команда ищет, например «программист, художник».")
    )
    audience = audience_field(Audience.EVERYONE)
    solution = models.ForeignKey(
        "bank.SolutionPage",
        verbose_name=_("решение в банке"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("Страница банка решений, в которую вырос проект."),
    )
    defence_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("защита проекта"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        help_text=_("Событие, на котором команда защищает проект."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("кто начал"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="started_projects",
    )
    created_at = models.DateTimeField(_("создан"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("problem"), FieldPanel("goal"), FieldPanel("result")], _("Содержание")),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("stage"), FieldPanel("academic_year")]),
        MultiFieldPanel(
            [
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("grade_from"), FieldPanel("grade_to")]),
            ],
            _("Каталог"),
        ),
        FieldPanel("tutor"),
        InlinePanel("members", label=_("Команда")),
        FieldPanel("consultants", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner"),
        FieldRowPanel([FieldPanel("open_to_join"), FieldPanel("roles_sought")]),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("solution"), FieldPanel("defence_event")]),
        PublishingPanel(),
    ]

    class Meta:
        verbose_name = _("проект")
        verbose_name_plural = _("проекты")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    @property
    def academic_year_label(self) -> str:
        return academic_year_label(self.academic_year)

    @property
    def grades_label(self) -> str:
        return str(self.grade_from) if self.grade_from == self.grade_to else f"{self.grade_from}–{self.grade_to}"

    @property
    def is_published(self) -> bool:
        return self.stage.is_published


class ProjectMember(Orderable):
    """A student of the team (an internal resident), with the part they play in it."""

    project = ParentalKey(Project, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("обучающийся"),
        on_delete=models.CASCADE,
        related_name="project_teams",
        help_text=_("Обучающийся — участник команды проекта."),
    )
    role = models.CharField(
        _("роль в команде"),
        max_length=100,
        blank=True,
        help_text=_("Чем участник занимается в команде, например «дизайнер»."),
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("участник команды")
        verbose_name_plural = _("команда")
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="projects_member_once")]

    def __str__(self):
        return f"{self.project}: {self.user_id}"
