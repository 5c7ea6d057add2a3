"""The project joined with the rest of the coworking space: the bank of solutions (a draft prefilled from the
project enters the editors' moderation; its publication moves the project to «опубликован») and the event
generator (the defence's programme becomes a draft event linked to the project)."""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from bank.models import ProjectType, SolutionBankPage, SolutionPage, TeamMember
from events.generator import MAX_DURATION, MIN_DURATION, programme_build
from events.models import EventFormat
from events.services import EventActionError, proposal_submit
from pages.localized import localize, sources
from people.models import Person
from projects.models import ArtefactKind, CheckpointStatus, Project, ProjectKind, Stage
from projects.permissions import People, project_people
from projects.services import ProjectError, stage_publish
from residents import request_cache
from residents.selectors import membership_published_name


def _defence_stage(project: Project, stages: list[Stage] | None = None) -> bool:
    """The project is at the stage before «опубликован» (`stages`: every stage, when the caller has them)."""
    if stages is None:
        following = sources(Stage.objects).filter(position__gt=project.stage.position).order_by("position").first()
    else:
        following = next((stage for stage in stages if stage.position > project.stage.position), None)
    return following is not None and following.is_published


def may_propose_to_bank(project: Project, people: People, stages: list[Stage] | None = None) -> bool:
    """At the defence (the stage before «опубликован»), the tutor proposes the project once."""
    return people.leads and project.solution_id is None and _defence_stage(project, stages)


def _stages(project: Project) -> list[dict]:
    done = {}
    for checkpoint in project.checkpoints.filter(status=CheckpointStatus.DONE).select_related("stage"):
        done.setdefault(checkpoint.stage, []).append(checkpoint.title)
    return [
        {"type": "stage", "value": {"title": stage.name, "text": "; ".join(titles) + "."}}
        for stage, titles in sorted(done.items(), key=lambda item: item[0].position)
    ]


def _team(project: Project) -> list[TeamMember]:
    """Only names published with consent go to the bank."""
    team = []
    for member in project.members.select_related("user__membership"):
        membership = getattr(member.user, "membership", None)
        name = membership_published_name(membership) if membership else ""
        if name:
            team.append(TeamMember(display_name=name, consent=True, resident=membership))
    return team


def _attachments(project: Project) -> list[dict]:
    """The project's documents, copied into the bank's documents: they follow the solution's visibility."""
    Document = get_document_model()
    blocks = []
    for artefact in project.artefacts.filter(kind=ArtefactKind.DOCUMENT).exclude(file=""):
        with artefact.file.open("rb") as source:
            document = Document(title=artefact.title)
            document.file.save(artefact.file_name, ContentFile(source.read()), save=False)
        document.save()
        blocks.append({"type": "document", "value": document.pk})
    return blocks


def project_propose_to_bank(*, project: Project, by) -> SolutionPage:
    """A draft solution prefilled from the project, sent to the editors' moderation workflow."""
    if not may_propose_to_bank(project, project_people(project, by)):
        raise ProjectError(_("Предложить проект в банк может тьютор на стадии защиты, один раз."), code="forbidden")
    bank = SolutionBankPage.objects.first()
    if bank is None:
        raise ProjectError(_("Банк проектных решений ещё не создан."), code="conflict")
    collective = project.kind == ProjectKind.COLLECTIVE
    with transaction.atomic():
        page = SolutionPage(
            title=project.title,
            slug=f"project-{project.pk}",
            summary=project.summary[:300],
            problem=project.problem or project.summary,
            goal=project.goal or project.summary,
            result=project.result or project.summary,
            stages=_stages(project),
            attachments=_attachments(project),
            tutor=Person.objects.filter(user_id=project.tutor_id).first(),
            grade_from=project.grade_from,
            grade_to=project.grade_to,
            academic_year=project.academic_year,
            project_type=sources(ProjectType.objects.filter(is_collective=collective)).first(),
            live=False,
        )
        page.team = _team(project)
        page.subjects.set(project.subjects.all())
        bank.add_child(instance=page)
        revision = page.save_revision(user=by, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, by)
        project.solution = page
        project.save(update_fields=["solution"])
    return revision.as_object() if revision else page


def solution_published(solution: SolutionPage) -> None:
    """The bank published a solution: the projects it came from reach «опубликован»."""
    for project in Project.objects.filter(solution=solution).select_related("stage"):
        stage_publish(project=project)


def defence_plan(*, project: Project, by, data) -> None:
    """The tutor plans the defence with the event generator; the programme becomes a draft event."""
    if not project_people(project, by).leads:
        raise ProjectError(_("Защиту планирует тьютор проекта."), code="forbidden")
    event_format = sources(EventFormat.objects.filter(pk=_int(data.get("event_format")))).first()
    if event_format is None:
        raise ProjectError(_("Выберите формат защиты."), code="invalid", field="event_format")
    try:
        start = timezone.make_aware(datetime.datetime.fromisoformat(data.get("start", "")))
    except ValueError:
        raise ProjectError(_("Укажите дату и время защиты."), code="invalid", field="start") from None
    if start <= timezone.now():
        raise ProjectError(_("Защита планируется на будущее."), code="invalid", field="start")
    duration = _int(data.get("duration")) or 0
    if not MIN_DURATION <= duration <= MAX_DURATION:
        raise ProjectError(_("Длительность — от 10 минут до трёх суток."), code="invalid", field="duration")
    programme = programme_build(
        event_format=event_format,
        topic=str(_("Защита проекта «%(title)s»") % {"title": project.title}),
        start=start,
        duration=duration,
        participants=max(project.members.count(), 1) + 2,
    )
    try:
        event = proposal_submit(programme=programme, user=by)
    except EventActionError as error:
        raise ProjectError(str(error), code="forbidden") from None
    project.defence_event = event
    project.save(update_fields=["defence_event"])


DEFENCE_FORMATS_KEY = "projects:defence-formats"


def defence_formats() -> list[EventFormat]:
    """The event formats a defence may take, from the shared cache (forgotten when a format is saved or
    deleted), in the reader's language."""
    formats = request_cache.shared(
        DEFENCE_FORMATS_KEY, lambda: list(sources(EventFormat.objects.order_by("name"))), 60 * 60
    )
    return localize(formats)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
