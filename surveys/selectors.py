"""Reads of surveys: who may answer, what a resident has answered, the summary per question, the surveys
due after events and programmes, and their response rate. Access goes through `residents.selectors`.

Events and support know a survey only by their `survey` field; their models are reached here through the
app registry, so that neither app imports this one (their templates ask through `surveys_tags`).
"""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant

from residents.selectors import User, can_view, pages_visible
from surveys.forms import SurveyFormBuilder
from surveys.models.invitations import SurveyInvitation
from surveys.models.submissions import SurveySubmission
from surveys.questions import CHOICE_TYPES, MULTIPLE_TYPES, SCALE, SCALE_MAX, SCALE_MIN, choice_list

ALREADY_ANSWERED = "already_answered"


@dataclass(frozen=True)
class Refusal:
    """Why a user may not answer: a machine code, the HTTP status both channels use and a Russian message."""

    code: str
    status: int
    message: str


def survey_refusal(*, survey, user: User) -> Refusal | None:
    """Why this user may not answer the survey now; None when they may."""
    if not can_view(survey, user=user):
        if not user.is_authenticated:
            return Refusal("not_authenticated", 401, _("Войдите на сайт: этот опрос открыт только резидентам."))
        return Refusal("forbidden", 403, _("Этот опрос адресован другим участникам коворкинга."))
    if survey.one_per_resident and not user.is_authenticated:
        return Refusal(
            "not_authenticated", 401, _("Чтобы ответить, войдите на сайт: в этом опросе каждый отвечает один раз.")
        )
    if survey.one_per_resident and survey_answered(survey=survey, user=user):
        return Refusal(ALREADY_ANSWERED, 409, _("Вы уже ответили на этот опрос. Спасибо!"))
    return None


def survey_answered(*, survey, user: User) -> bool:
    """Whether the user has answered the survey, in any of its languages."""
    return user.is_authenticated and survey_answers(survey=survey).filter(user=user).exists()


def survey_answers(*, survey) -> QuerySet:
    """The answers to a survey, in whichever language it was read: its translations are one survey."""
    return SurveySubmission.objects.filter(page__translation_key=survey.translation_key)


def survey_source(*, survey):
    """The survey that answers belong to: the page in the site's main language (Russian) when `survey` is its
    translation, else the page itself. Answers given on the English page are stored with the Russian one, so the
    editors' list, exports, summary and the rule «one answer per resident» see one survey."""
    main = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    source = (
        type(survey)
        ._default_manager.filter(translation_key=survey.translation_key, locale__language_code=main)
        .exclude(pk=survey.pk)
        .first()
    )
    return source or survey


def answers_in_source_language(*, survey, source, data: dict) -> dict:
    """The answers with each chosen option given as the source's option at the same place, so that answers in
    both languages count together; an option the source lacks is kept as given."""
    if source.pk == survey.pk:
        return data
    originals = {question.clean_name: choice_list(question.choices) for question in source.get_form_fields()}
    answers = dict(data)
    for question in survey.get_form_fields():
        if question.field_type not in CHOICE_TYPES or question.clean_name not in answers:
            continue
        pairs = dict(zip(choice_list(question.choices), originals.get(question.clean_name, []), strict=False))
        value = answers[question.clean_name]
        if isinstance(value, list):
            answers[question.clean_name] = [pairs.get(item, item) for item in value]
        elif isinstance(value, str):
            answers[question.clean_name] = pairs.get(value, value)
    return answers


def survey_form(*, survey, data=None, user: User | None = None):
    """The form a visitor fills in (bound when `data` is given)."""
    form_class = SurveyFormBuilder(survey.get_form_fields()).get_form_class()
    return form_class(data, page=survey, user=user) if data is not None else form_class(page=survey, user=user)


def surveys_visible(*, user: User, queryset: QuerySet) -> QuerySet:
    return pages_visible(queryset, user=user)


@dataclass
class QuestionSummary:
    """One question's answers, counted. Free text is counted, never shown: it may name students."""

    label: str
    field_type: str
    answered: int = 0
    counts: list[tuple[str, int]] = field(default_factory=list)
    average: float | None = None

    @property
    def is_counted(self) -> bool:
        return bool(self.counts)


def _options(question) -> list[str]:
    if question.field_type == SCALE:
        return [str(value) for value in range(SCALE_MIN, SCALE_MAX + 1)]
    if question.field_type in CHOICE_TYPES:
        return [value for value, _label in SurveyFormBuilder([]).get_formatted_field_choices(question)]
    if question.field_type == "checkbox":
        return [_("да"), _("нет")]
    return []


def _values(question, value) -> list[str]:
    if value in (None, "", []):
        return []
    if question.field_type == "checkbox":
        return [_("да") if value else _("нет")]
    if question.field_type in MULTIPLE_TYPES and isinstance(value, list):
        return [str(item) for item in value]
    return [str(value)]


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def survey_summary(*, survey) -> list[QuestionSummary]:
    """Per question: how many answered, the count of each option (choices, scales, yes/no) and the average
    of scales and numbers, over the answers in every language, under the questions of the source survey. Reads
    the answers once."""
    questions = list(survey_source(survey=survey).get_form_fields())
    counters = {question.clean_name: Counter() for question in questions}
    numbers: dict[str, list[Decimal]] = {question.clean_name: [] for question in questions}
    answered = Counter()
    for data in survey_answers(survey=survey).values_list("form_data", flat=True).iterator():
        for question in questions:
            values = _values(question, data.get(question.clean_name))
            if not values:
                continue
            answered[question.clean_name] += 1
            counters[question.clean_name].update(values)
            if question.field_type in (SCALE, "number") and (number := _number(values[0])) is not None:
                numbers[question.clean_name].append(number)
    summaries = []
    for question in questions:
        name = question.clean_name
        options = _options(question)
        extra = [value for value in counters[name] if value not in options]
        counts = [(option, counters[name][option]) for option in [*options, *sorted(extra)]] if options else []
        values = numbers[name]
        average = round(float(sum(values) / len(values)), 2) if values else None
        summaries.append(QuestionSummary(question.label, question.field_type, answered[name], counts, average))
    return summaries


@dataclass(frozen=True)
class ResponseRate:
    invited: int
    answered: int

    @property
    def percent(self) -> int:
        return round(100 * self.answered / self.invited) if self.invited else 0


def response_rate(*, survey, participants: QuerySet) -> ResponseRate:
    """How many of these participants (user ids) answered the survey."""
    answered = survey_answers(survey=survey).filter(user__in=participants).values("user").distinct().count()
    return ResponseRate(invited=participants.count(), answered=answered)


@dataclass(frozen=True)
class Occasion:
    """An event or a programme the survey is attached to, with how many of its participants answered."""

    kind: str
    title: str
    rate: ResponseRate
    invitations: int


def survey_occasions(*, survey) -> list[Occasion]:
    """Ended events (participants: those registered) and programmes (participants: those who completed it)."""
    occasions = []
    for event in survey.events.filter(end__lt=timezone.now()).order_by("-end"):
        participants = _registrations().objects.filter(event=event).values("user")
        invitations = SurveyInvitation.objects.filter(survey=survey, event=event).count()
        occasions.append(
            Occasion(_("событие"), event.title, response_rate(survey=survey, participants=participants), invitations)
        )
    for programme in survey.programmes.order_by("path"):
        participants = _completions().objects.filter(programme=programme).values("user")
        invitations = SurveyInvitation.objects.filter(survey=survey, programme=programme).count()
        occasions.append(
            Occasion(
                _("программа"), programme.title, response_rate(survey=survey, participants=participants), invitations
            )
        )
    return occasions


def _registrations():
    return apps.get_model("events", "Registration")


def _completions():
    return apps.get_model("support", "ProgrammeCompletion")


def _open_to(survey, user: User):
    """The survey in the language being read (its English page on an English event page), if the user may open
    it."""
    if survey is None or not user.is_authenticated:
        return None
    survey = survey.localized
    return survey if can_view(survey, user=user) else None


def survey_after_event(*, event, user: User, now=None):
    """The event's survey for one of its registered participants once the event has ended, else None."""
    if event.survey_id is None or event.end >= (now or timezone.now()):
        return None
    if not user.is_authenticated or not _registrations().objects.filter(event=event, user=user).exists():
        return None
    return _open_to(event.survey, user)


def survey_after_programme(*, programme, user: User):
    """The programme's survey for a resident who has completed it, else None."""
    if programme.survey_id is None or not user.is_authenticated:
        return None
    if not _completions().objects.filter(programme=programme, user=user).exists():
        return None
    return _open_to(programme.survey, user)


@dataclass(frozen=True)
class InvitationDue:
    survey_id: int
    user_id: int
    event_id: int | None = None
    programme_id: int | None = None


def _not_invited(queryset: QuerySet, survey: str, occasion: str) -> QuerySet:
    sent = SurveyInvitation.objects.filter(
        survey=OuterRef(survey), user=OuterRef("user"), **{occasion: OuterRef(occasion)}
    )
    return queryset.filter(**{f"{survey}__live": True}).exclude(Exists(sent))


def invitations_due(*, now=None) -> list[InvitationDue]:
    """Participants of ended events and residents who completed a programme, with a survey attached, who
    have not been invited to it for that occasion yet."""
    now = now or timezone.now()
    registrations = _registrations().objects.filter(event__live=True, event__end__lt=now, event__survey__isnull=False)
    registrations = _not_invited(registrations, "event__survey", "event").order_by("event_id", "user_id")
    completions = _completions().objects.filter(programme__live=True, programme__survey__isnull=False)
    completions = _not_invited(completions, "programme__survey", "programme").order_by("programme_id", "user_id")
    return [
        *(
            InvitationDue(survey_id, user_id, event_id=event_id)
            for survey_id, user_id, event_id in registrations.values_list("event__survey_id", "user_id", "event_id")
        ),
        *(
            InvitationDue(survey_id, user_id, programme_id=programme_id)
            for survey_id, user_id, programme_id in completions.values_list(
                "programme__survey_id", "user_id", "programme_id"
            )
        ),
    ]
