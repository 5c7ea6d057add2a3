"""Builders of the projects workspace's tests: residents of each kind and a project with its people."""

import datetime
import itertools
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from pages.localized import sources
from projects import services
from projects.models import Project, Stage
from residents.models import Consent, Membership, Partner, Suspension, Tier
from residents.roles import Role

_numbers = itertools.count(1)


def today() -> datetime.date:
    return timezone.localdate()


def resident(role: str = Role.STUDENT, *, school_class: str = "9Б", first: str = "Иван", last: str = "Петров", **extra):
    number = next(_numbers)
    user = get_user_model().objects.create_user(
        f"{role}-{number}", f"{role}-{number}@example.org", "correct-horse-9", first_name=first, last_name=last
    )
    tier = Tier.EXTERNAL if role == Role.REPRESENTATIVE else Tier.INTERNAL
    partner = extra.get("partner")
    if tier == Tier.EXTERNAL and partner is None:
        partner = Partner.objects.create(
            name="ООО «Партнёр»",
            contract_number=f"П-{number}",
            contract_start=today() - datetime.timedelta(days=300),
            contract_end=today() + datetime.timedelta(days=60),
        )
    Membership.objects.create(
        user=user,
        tier=tier,
        role=role,
        school_class=school_class if role == Role.STUDENT else "",
        partner=partner,
        public_name=extra.get("public_name", ""),
    )
    return user


def publish_name(user, name: str) -> None:
    user.membership.public_name = name
    user.membership.save(update_fields=["public_name"])
    Consent.objects.create(membership=user.membership, given_by="parent", purpose="publish_name", text_version="1")


def suspend(user) -> None:
    Suspension.objects.create(
        membership=user.membership, reason="Нарушение правил", decision_reference="Протокол № 1", starts_on=today()
    )


def parent_of(child):
    parent = resident(Role.PARENT, first="Ольга", last="Петрова")
    parent.membership.children.add(child.membership)
    return parent


def stage(slug: str) -> Stage:
    return sources(Stage.objects).get(slug=slug)


def upload(name: str = "plan.pdf", content: bytes = b"%PDF-1.4 plan") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@dataclass
class Cast:
    """A project and one person of each place around it (and outside it)."""

    project: Project
    student: object
    teammate: object
    tutor: object
    consultant: object
    parent: object
    other_student: object
    other_parent: object
    outside_partner: object
    staff: object


def cast(title: str = "Умная теплица") -> Cast:
    student = resident(first="Мария", last="Кузнецова")
    teammate = resident(first="Пётр", last="Смирнов")
    tutor = resident(Role.TEACHER, first="Анна", last="Крылова")
    consultant = resident(Role.REPRESENTATIVE, first="Сергей", last="Волков")
    project = services.project_create(
        by=student, title=title, summary="Теплица сама поливает рассаду.", tutor_id=tutor.pk
    )
    services.member_add(project=project, by=student, user_id=teammate.pk)
    project.consultants.add(consultant)
    project.partner = consultant.membership.partner
    project.save()
    other_student = resident(first="Олег", last="Иванов")
    return Cast(
        project=project,
        student=student,
        teammate=teammate,
        tutor=tutor,
        consultant=consultant,
        parent=parent_of(student),
        other_student=other_student,
        other_parent=parent_of(other_student),
        outside_partner=resident(Role.REPRESENTATIVE, first="Игорь", last="Орлов"),
        staff=get_user_model().objects.create_user(f"editor-{next(_numbers)}", "e@example.org", "x", is_staff=True),
    )
