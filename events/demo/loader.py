"""The online platform of the demo: event formats, the roadmap's and upcoming events, the pages, and the
moderation workflow for events proposed by residents.

Texts, dates and formats are in formats.yaml and events.yaml beside this module.
"""

import uuid
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Workflow, WorkflowContentType, WorkflowTask

from events.models import (
    EVENT_TIME_ZONE,
    Event,
    EventFormat,
    EventFormatRole,
    EventFormatStep,
    EventGeneratorPage,
    EventIndexPage,
)
from pages.demo.data import day, read_data
from pages.demo.documents import demo_pdf
from pages.demo.loading import Report
from pages.demo.publishing import ensure_page
from pages.demo.snippet_translation import ensure_english_snippets
from pages.localized import sources
from pages.models import HomePage

PAGE_MODELS = {"index": EventIndexPage, "generator": EventGeneratorPage}


def formats_data() -> list[dict]:
    """The demo's event formats as formats.yaml writes them; the generator's tests check each of them."""
    return read_data("events.demo", "formats.yaml")["formats"]


def _format(spec: dict) -> EventFormat:
    fields = {name: value for name, value in spec.items() if name not in ("steps", "roles")}
    event_format = EventFormat(**fields)
    event_format.steps = [EventFormatStep(**step) for step in spec["steps"]]
    event_format.roles = [EventFormatRole(**role) for role in spec["roles"]]
    return event_format


def ensure_formats(*, report: Report) -> dict[str, EventFormat]:
    formats = {}
    for spec in formats_data():
        event_format = sources(EventFormat.objects.filter(slug=spec["slug"])).first()
        if event_format is None:
            event_format = _format(spec)
            event_format.save()
            report(f"Формат «{event_format.name}» создан")
        formats[spec["slug"]] = event_format
    return formats


def _material(title: str, *, spec: dict) -> int:
    """A document of the event's materials: a PDF of that title that names the event and says what it was."""
    place = spec.get("location") or ("онлайн" if spec.get("online_url") else "")
    file = demo_pdf(
        title,
        name="material.pdf",
        subtitle=f"Материалы события «{' '.join(spec['title'].split())}»",
        paragraphs=[spec["summary"], *([f"Место проведения: {place}."] if place else [])],
    )
    return get_document_model().objects.create(title=title, file=file).pk


def _materials(spec: dict) -> list[dict]:
    return [
        {
            "type": block["type"],
            "value": {
                "title": block["title"],
                # items with ids, as the editor saves them: wagtail-localize lets a translation choose other documents
                "documents": [
                    {"type": "item", "value": _material(title, spec=spec), "id": str(uuid.uuid4())}
                    for title in block["documents"]
                ],
            },
        }
        for block in spec.get("materials", [])
    ]


def _event(spec: dict, *, today: date, formats: dict[str, EventFormat]) -> Event:
    start = datetime.combine(day(spec["day"], today=today), time.fromisoformat(spec["start"]), tzinfo=EVENT_TIME_ZONE)
    return Event(
        title=spec["title"],
        kind=spec["kind"],
        event_format=formats[spec["format"]],
        start=start,
        end=start + timedelta(minutes=spec["minutes"]),
        location=spec.get("location", ""),
        online_url=spec.get("online_url", ""),
        audience=spec.get("audience", "everyone"),
        registration_required=spec.get("registration_required", False),
        capacity=spec.get("capacity"),
        summary=spec["summary"],
        description=[{"type": "paragraph", "value": f"<p>{spec['summary']}</p>"}],
        materials=_materials(spec),
    )


def ensure_events(specs: list[dict], *, formats: dict[str, EventFormat], report: Report) -> None:
    """Events by title; days written {in_days: N} count from today in Moscow, where the events take place."""
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    for spec in specs:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        event = _event(spec, today=today, formats=formats)
        event.save()
        event.save_revision().publish()
        report(f"Событие «{event.title}» опубликовано")


def ensure_event_workflow(*, report: Report) -> Workflow:
    """Events proposed by residents are approved by moderators before they appear in the calendar."""
    content_type = ContentType.objects.get_for_model(Event)
    link = WorkflowContentType.objects.filter(content_type=content_type).select_related("workflow").first()
    if link:
        return link.workflow
    spec = read_data("events.demo", "events.yaml")["workflow"]
    moderators, _ = Group.objects.get_or_create(name=spec["group"])
    task = GroupApprovalTask.objects.create(name=spec["task"])
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=spec["name"])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
    report("Процесс модерации событий создан")
    return workflow


def load_demo(*, home: HomePage, report: Report) -> None:
    data = read_data("events.demo", "events.yaml")
    ensure_event_workflow(report=report)
    formats = ensure_formats(report=report)
    ensure_events(data["events"], formats=formats, report=report)
    events = sources(Event.objects.filter(title__in=[spec["title"] for spec in data["events"]]))
    ensure_english_snippets([*formats.values(), *events], package="events.demo", report=report)
    for spec in data["pages"]:
        fields = {name: value for name, value in spec.items() if name != "type"}
        ensure_page(home, PAGE_MODELS[spec["type"]](**fields, show_in_menus=True), report=report)
