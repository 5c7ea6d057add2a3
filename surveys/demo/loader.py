"""The demo's surveys: a feedback form for the coworking space, and a survey attached to a past event with
some answers. Texts, questions and answers are in surveys.yaml beside this module."""

from django.apps import apps

from pages.demo.data import read_data
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.models import HomePage
from surveys.models import SurveyField, SurveyPage, SurveySubmission

QUESTION_FIELDS = ("label", "help_text", "choices")


def surveys_data() -> list[dict]:
    return read_data("surveys.demo", "surveys.yaml")["surveys"]


def _survey(spec: dict) -> SurveyPage:
    page = SurveyPage(
        slug=spec["slug"],
        title=spec["title"],
        introduction=spec["introduction"],
        audience=spec["audience"],
        one_per_resident=spec["one_per_resident"],
        thank_you_text=spec["thank_you"],
    )
    page.form_fields = [
        SurveyField(
            field_type=question["type"],
            required=question.get("required", True),
            **{name: question[name] for name in QUESTION_FIELDS if name in question},
        )
        for question in spec["questions"]
    ]
    return page


def _answers(page: SurveyPage, spec: dict) -> None:
    keys = {question.label: question.clean_name for question in page.get_form_fields()}
    SurveySubmission.objects.bulk_create(
        SurveySubmission(page=page, form_data={keys[label]: value for label, value in answer.items()})
        for answer in spec.get("answers", [])
    )


def _attach(page: SurveyPage, spec: dict, *, report: Report) -> None:
    """The survey becomes the event's survey (the events' loader runs first)."""
    event = apps.get_model("events", "Event").objects.filter(title=spec["event"]).first()
    if event is None:
        report(f"Событие «{spec['event']}» не найдено: опрос «{page.title}» не привязан")
        return
    event.survey = page
    event.save_revision().publish()


def load_demo(*, home: HomePage, report: Report) -> None:
    for spec in surveys_data():
        page, created = ensure_page(home, _survey(spec), report=report)
        if not created:
            continue
        _answers(page, spec)
        if "event" in spec:
            _attach(page, spec, report=report)
