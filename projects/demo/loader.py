"""The projects workspace of the demo: its people (the demo accounts among them) and twelve projects with
checkpoints, artefacts, journals and stage histories. Texts are in projects.yaml beside this module.

Written straight to the models, as a project's history would have left them; run again, it leaves every
project that exists (by title) as it is.
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from bank.models import SolutionPage, SubjectArea
from pages.demo.data import day, read_data
from pages.demo.loading import Report
from pages.demo.snippet_translation import ensure_english_snippets
from pages.localized import sources
from pages.models import HomePage
from people.models import Person
from projects.models import Artefact, Checkpoint, Decision, Post, Project, ProjectMember, Stage, StageMove
from residents.demo_accounts import demo_partner
from residents.models import Consent, Membership, Tier
from residents.roles import Role


def _user(spec: dict):
    user, created = get_user_model().objects.get_or_create(
        username=spec["login"],
        defaults={"email": f"{spec['login']}@localhost", "first_name": spec["first"], "last_name": spec["last"]},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _membership(user, role: str, **fields) -> Membership:
    tier = Tier.EXTERNAL if role == Role.REPRESENTATIVE else Tier.INTERNAL
    membership, _created = Membership.objects.get_or_create(user=user, defaults={"tier": tier, "role": role, **fields})
    return membership


def ensure_people(data: dict) -> dict:
    """Every person of the demo's projects by login, with their membership (and consents, links)."""
    people = {}
    for spec in data["students"]:
        user = _user(spec)
        membership = _membership(
            user, Role.STUDENT, school_class=spec["class"], public_name=spec.get("public_name", "")
        )
        if spec.get("consent") and not membership.consents.exists():
            Consent.objects.create(
                membership=membership, given_by="parent", purpose="publish_name", text_version="2026-09"
            )
        people[spec["login"]] = user
    for spec in data["teachers"]:
        user = _user(spec)
        _membership(user, Role.TEACHER)
        if spec.get("person"):
            Person.objects.filter(name=spec["person"], user__isnull=True).update(user=user)
        people[spec["login"]] = user
    partner = demo_partner()
    for spec in data["partners"]:
        people[spec["login"]] = user = _user(spec)
        _membership(user, Role.REPRESENTATIVE, partner=partner)
    for spec in data["parents"]:
        people[spec["login"]] = user = _user(spec)
        membership = _membership(user, Role.PARENT)
        membership.children.add(*Membership.objects.filter(user__username__in=spec["children"]))
    return people


def _history(project: Project, stages: list[Stage], tutor) -> None:
    """Approved moves up to the project's stage, one every three weeks back from today."""
    reached = [stage for stage in stages if stage.position <= project.stage.position]
    for steps_back, (before, after) in enumerate(reversed(list(itertools.pairwise(reached)))):
        when = timezone.now() - datetime.timedelta(days=21 * (steps_back + 1))
        move = StageMove.objects.create(
            project=project,
            from_stage=before,
            to_stage=after,
            status=Decision.APPROVED,
            requested_by=tutor,
            decided_by=None if after.is_published else tutor,
            decided_at=when,
        )
        StageMove.objects.filter(pk=move.pk).update(requested_at=when)


def _work(project: Project, spec: dict, people: dict, stages: dict, today: datetime.date) -> None:
    for item in spec.get("checkpoints", []):
        Checkpoint.objects.create(
            project=project,
            stage=stages[item.get("stage", spec["stage"])],
            title=item["title"],
            due=day(item["due"], today=today),
            status=item["status"],
            responsible=people.get(item.get("responsible")),
        )
    for item in spec.get("artefacts", []):
        artefact = Artefact(project=project, stage=project.stage, kind=item["kind"], title=item["title"])
        artefact.url = item.get("url", "")
        artefact.added_by = people[spec["team"][0]]
        if item.get("file"):
            artefact.file.save(item["file"], ContentFile(item["text"].encode("utf-8")), save=False)
        artefact.save()
    question = None
    for item in spec.get("journal", []):
        post = Post.objects.create(
            project=project,
            author=people[item["author"]],
            kind=item["kind"],
            text=item["text"],
            reply_to=question if item["kind"] == "answer" else None,
        )
        question = post if item["kind"] == "question" else question


def ensure_project(spec: dict, *, people: dict, stages: dict, report: Report) -> None:
    if Project.objects.filter(title=spec["title"]).exists():
        return
    today = timezone.localdate()
    tutor = people[spec["tutor"]]
    project = Project(
        title=spec["title"],
        summary=spec["summary"],
        problem=spec.get("problem", ""),
        goal=spec.get("goal", ""),
        result=spec.get("result", ""),
        kind="collective" if len(spec["team"]) > 1 else "individual",
        grade_from=spec["grades"][0],
        grade_to=spec["grades"][1],
        academic_year=spec["year"],
        stage=stages[spec["stage"]],
        tutor=tutor,
        open_to_join=spec.get("open_to_join", False),
        roles_sought=spec.get("roles_sought", ""),
        partner=demo_partner() if spec.get("partner") else None,
        solution=SolutionPage.objects.filter(title=spec["solution"]).first() if spec.get("solution") else None,
        created_by=tutor,
        live=True,
    )
    project.subjects.set(sources(SubjectArea.objects.filter(slug__in=spec.get("subjects", []))))
    project.consultants.set([people[login] for login in spec.get("consultants", [])])
    project.members = [
        ProjectMember(user=people[login], sort_order=position) for position, login in enumerate(spec["team"])
    ]
    project.save()
    project.save_revision(log_action=True)
    _history(project, list(stages.values()), tutor)
    _work(project, spec, people, stages, today)
    report(f"Проект «{project.title}» ({project.stage.name}) создан")


def load_demo(*, home: HomePage, report: Report) -> None:
    data = read_data("projects.demo", "projects.yaml")
    people = ensure_people(data)
    stages = {stage.slug: stage for stage in sources(Stage.objects.order_by("position"))}
    ensure_english_snippets(stages.values(), package="projects.demo", report=report)
    for spec in data["projects"]:
        ensure_project(spec, people=people, stages=stages, report=report)
