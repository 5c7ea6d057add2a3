"""The online platform's demo: event formats, the events of the roadmap, upcoming events, the pages, the
moderation workflow for events."""

import io
from collections.abc import Callable
from datetime import datetime, timedelta

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowContentType, WorkflowTask

from events.demo.events import PAST_EVENTS, UPCOMING_EVENTS
from events.demo.formats import FORMATS
from events.models import (
    EVENT_TIME_ZONE,
    Event,
    EventFormat,
    EventFormatRole,
    EventFormatStep,
    EventGeneratorPage,
    EventIndexPage,
)

Report = Callable[[str], None]

PAGES = [
    (
        EventIndexPage,
        "events",
        "События",
        "Конференции, тематические и проблемные сессии, хакатоны и другие события онлайн-площадки коворкинга.",
    ),
    (
        EventGeneratorPage,
        "generator",
        "Генератор проектных событий",
        "Выберите формат, тему, дату и число участников — генератор составит программу по минутам, роли, "
        "список подготовки и анонс. Резиденты могут предложить событие в календарь коворкинга.",
    ),
]


def ensure_formats(*, report: Report) -> dict[str, EventFormat]:
    formats = {}
    for spec in FORMATS:
        event_format = EventFormat.objects.filter(slug=spec["slug"]).first()
        if event_format is None:
            event_format = EventFormat(
                slug=spec["slug"],
                name=spec["name"],
                description=spec["description"],
                typical_duration=spec["typical_duration"],
                min_participants=spec["min_participants"],
                max_participants=spec["max_participants"],
                group_size=spec["group_size"],
                checklist=spec["checklist"],
            )
            event_format.steps = [EventFormatStep(title=t, weight=w, notes=n) for t, w, n in spec["steps"]]
            event_format.roles = [EventFormatRole(title=t, duty=d) for t, d in spec["roles"]]
            event_format.save()
            report(f"Формат «{event_format.name}» создан")
        formats[spec["slug"]] = event_format
    return formats


def demo_pdf(title: str) -> ContentFile:
    """A one-page PDF drawn locally, standing for a material of the event."""
    picture = PILImage.new("RGB", (595, 842), "white")
    ImageDraw.Draw(picture).text((60, 80), title.encode("ascii", "replace").decode(), fill="black")
    buffer = io.BytesIO()
    picture.save(buffer, format="PDF")
    return ContentFile(buffer.getvalue(), name="material.pdf")


def _materials(spec) -> list[dict]:
    documents = get_document_model()
    blocks = []
    for block_type, heading, titles in spec.get("materials", []):
        items = [documents.objects.create(title=title, file=demo_pdf(title)).pk for title in titles]
        blocks.append({"type": block_type, "value": {"title": heading, "documents": items}})
    return blocks


def _event(spec, *, day, formats) -> Event:
    start = datetime.combine(day, spec["start"], tzinfo=EVENT_TIME_ZONE)
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


def ensure_events(*, formats, report: Report) -> None:
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    specs = [(spec, spec["day"]) for spec in PAST_EVENTS]
    specs += [(spec, today + timedelta(days=spec["in_days"])) for spec in UPCOMING_EVENTS]
    for spec, day in specs:
        if Event.objects.filter(title=spec["title"]).exists():
            continue
        event = _event(spec, day=day, formats=formats)
        event.save()
        event.save_revision().publish()
        report(f"Событие «{event.title}» опубликовано")


def ensure_event_workflow(*, report: Report) -> Workflow:
    """Events proposed by residents are approved by moderators before they appear in the calendar."""
    content_type = ContentType.objects.get_for_model(Event)
    link = WorkflowContentType.objects.filter(content_type=content_type).select_related("workflow").first()
    if link:
        return link.workflow
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    task = GroupApprovalTask.objects.create(name="Проверка события модератором")
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name="Модерация событий")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.create(content_type=content_type, workflow=workflow)
    report("Процесс модерации событий создан")
    return workflow


def ensure_pages(*, home: Page, report: Report) -> None:
    for model, slug, title, introduction in PAGES:
        if home.get_children().filter(slug=slug).exists():
            continue
        page = home.add_child(instance=model(title=title, slug=slug, introduction=introduction, show_in_menus=True))
        page.save_revision().publish()
        report(f"Страница «{title}» создана")


def load_events_demo(*, home: Page, report: Report) -> None:
    ensure_event_workflow(report=report)
    formats = ensure_formats(report=report)
    ensure_events(formats=formats, report=report)
    ensure_pages(home=home, report=report)
