"""API v3 of surveys: a survey's questions and a submission of answers, under the same rules as the site.

Anyone may read and answer a survey open to everyone (anonymous answers count against the limit per
address); a survey for residents needs the caller's session or bearer token (`api.auth`), and is not found
for others. Answers are checked by the same form as the HTML page: 422 with a Russian message per question,
and nothing is stored.
"""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from wagtail.api.querysets import get_public_pages_queryset

from api.errors import APIError
from api.pagination import LimitOffset
from api.validation import Id, field_errors_from_django
from pages.selectors import pages_in_reading_language
from residents.audiences import Audience
from safeguards.limits import anonymous_post_exceeded
from safeguards.requests import client_address
from surveys.forms import SCALE_CHOICES, SurveyFormBuilder
from surveys.models import SurveyPage
from surveys.questions import CHOICE_TYPES, MULTI_LINE_MAX, SCALE, SCALE_MAX, SCALE_MIN, SINGLE_LINE_MAX
from surveys.selectors import survey_form, survey_refusal, surveys_visible
from surveys.services import SurveyRefused, submission_create

router = Router(tags=["surveys"])
Answer = str | int | float | bool | list[str] | None
MAX_LENGTHS = {"singleline": SINGLE_LINE_MAX, "multiline": MULTI_LINE_MAX}


class SurveyQuestionSchema(Schema):
    key: str = Field(description="The answer's key in a submission")
    label: str
    type: str = Field(description="Wagtail's field types (`singleline`, `radio`, `checkboxes`...) or `scale`")
    required: bool
    help_text: str
    choices: list[str] = Field(description="The options of `radio`, `dropdown`, `checkboxes`, `multiselect`, `scale`")
    min: int | None = Field(description="The lowest value of a scale")
    max: int | None = Field(description="The highest value of a scale")
    max_length: int | None = Field(description="The longest text accepted")

    @staticmethod
    def resolve_key(question) -> str:
        return question.clean_name

    @staticmethod
    def resolve_type(question) -> str:
        return question.field_type

    @staticmethod
    def resolve_choices(question) -> list[str]:
        if question.field_type == SCALE:
            return [label for _value, label in SCALE_CHOICES]
        if question.field_type in CHOICE_TYPES:
            return [value for value, _label in SurveyFormBuilder([]).get_formatted_field_choices(question)]
        return []

    @staticmethod
    def resolve_min(question) -> int | None:
        return SCALE_MIN if question.field_type == SCALE else None

    @staticmethod
    def resolve_max(question) -> int | None:
        return SCALE_MAX if question.field_type == SCALE else None

    @staticmethod
    def resolve_max_length(question) -> int | None:
        return MAX_LENGTHS.get(question.field_type)


class SurveySchema(Schema):
    id: int
    title: str
    introduction: str
    audience: Audience
    one_per_resident: bool
    url: str = Field(description="The survey's page on the site")

    @staticmethod
    def resolve_url(survey: SurveyPage, context) -> str:
        return survey.get_full_url(context["request"])


class SurveyDetailSchema(SurveySchema):
    questions: list[SurveyQuestionSchema]
    can_answer: bool = Field(description="Whether the caller may submit answers now")
    reason: str = Field(description="Why the caller may not answer (empty when they may)")

    @staticmethod
    def resolve_questions(survey: SurveyPage) -> list:
        return list(survey.get_form_fields())

    @staticmethod
    def resolve_can_answer(survey: SurveyPage, context) -> bool:
        return survey_refusal(survey=survey, user=context["request"].user) is None

    @staticmethod
    def resolve_reason(survey: SurveyPage, context) -> str:
        refusal = survey_refusal(survey=survey, user=context["request"].user)
        return refusal.message if refusal else ""


class SurveySubmissionSchema(Schema):
    answers: dict[str, Answer] = Field(description="Answers by question key; a scale takes 1-5")


class SurveyReceiptSchema(Schema):
    message: str


def _surveys(request: HttpRequest):
    """Live surveys the caller may open: their audience, and Wagtail's view restrictions (a password, a login
    or groups on the survey or above it), as the pages router reads them."""
    return surveys_visible(user=request.user, queryset=get_public_pages_queryset(request, SurveyPage))


def _survey(request: HttpRequest, survey_id: int) -> SurveyPage:
    survey = _surveys(request).filter(pk=survey_id).first()
    if survey is None:
        raise APIError(404, _("Опрос не найден."), code="survey_not_found")
    return survey


def _answer_errors(form, answers: dict) -> list[dict]:
    errors = [
        {"field": f"answers.{error['field']}", **{k: v for k, v in error.items() if k != "field"}}
        for error in field_errors_from_django(ValidationError(form.errors.as_data()))
    ]
    unknown = sorted(set(answers) - set(form.base_fields))
    errors += [
        {"field": f"answers.{key}", "code": "unknown_question", "message": _("В опросе нет такого вопроса.")}
        for key in unknown
    ]
    return errors


@router.get(
    "/", response=list[SurveySchema], url_name="surveys_list", operation_id="surveys_list", summary="List surveys"
)
@paginate(LimitOffset)
def list_surveys(request: HttpRequest):
    """The surveys and feedback forms the caller may open, in the language being read, in the order of the site's
    tree."""
    return pages_in_reading_language(_surveys(request)).order_by("path")


@router.get(
    "/{survey_id}/",
    response=SurveyDetailSchema,
    url_name="surveys_detail",
    operation_id="surveys_detail",
    summary="Survey",
)
def survey_detail(request: HttpRequest, survey_id: Id):
    """The survey's questions, and whether the caller may answer now."""
    return _survey(request, survey_id)


THROTTLED = _lazy("Слишком много отправок с вашего адреса. Подождите несколько минут и повторите.")


def _form_path(survey) -> str:
    """The path the survey's page takes posts at: the key the site's limit counts them under."""
    _site_id, _root, path = survey.get_url_parts()
    return path


@router.post(
    "/{survey_id}/submissions/",
    response={201: SurveyReceiptSchema},
    url_name="surveys_submit",
    operation_id="surveys_submit",
    summary="Answer a survey",
)
def submit(request: HttpRequest, survey_id: Id, submission: SurveySubmissionSchema):
    """Stores the answers: 401 where the survey needs a signed-in resident, 409 for a second answer where one
    is allowed, 429 past the limit of anonymous answers per address, 422 with an error per question."""
    survey = _survey(request, survey_id)
    if not request.user.is_authenticated and anonymous_post_exceeded(client_address(request), _form_path(survey)):
        raise APIError(429, str(THROTTLED), code="throttled")
    refusal = survey_refusal(survey=survey, user=request.user)
    if refusal is not None:
        raise APIError(refusal.status, refusal.message, code=refusal.code)
    form = survey_form(survey=survey, data=submission.answers, user=request.user)
    if not form.is_valid() or set(submission.answers) - set(form.base_fields):
        raise APIError(422, errors=_answer_errors(form, submission.answers))
    try:
        submission_create(survey=survey, user=request.user, form=form)
    except SurveyRefused as refused:
        raise APIError(refused.refusal.status, refused.refusal.message, code=refused.refusal.code) from refused
    return Status(201, {"message": _("Спасибо! Ваши ответы получены.")})
