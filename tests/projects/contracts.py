"""The demo's projects for the stored API contracts of the projects' writes (tests/api/test_contracts.py): the
water project of the demo, its student Sofia and its tutor Krylova; each helper makes what one write needs."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from projects import services
from projects.models import Project

WATER = "Исследование качества воды в пришкольном пруду"
STUDENT, TUTOR = "demo-project-sofia", "demo-project-krylova"
STUDENT_CALLER, TUTOR_CALLER = STUDENT, TUTOR  # test_contracts' callers named "demo-…" sign in as that account


def _user(username: str):
    return get_user_model().objects.get(username=username)


def _project() -> Project:
    return Project.objects.get(title=WATER)


def base() -> str:
    return f"/api/v3/projects/{_project().pk}/"


def fresh_post() -> str:
    """The address of a post Sofia has just written (so she may still edit it)."""
    post = services.post_create(project=_project(), by=_user(STUDENT), text="Взяли пробы у северного берега.")
    return f"{base()}journal/{post.pk}/"


def checkpoint() -> str:
    project = _project()
    point = services.checkpoint_add(
        project=project, by=_user(TUTOR), title="Сравнить с нормативами", due=timezone.localdate()
    )
    return f"{base()}checkpoints/{point.pk}/"


def join_request() -> str:
    """A student of the demo asks to join the (opened) water project; the address of the decision."""
    project = _project()
    project.open_to_join = True
    project.save(update_fields=["open_to_join"])
    asked = services.join_request_create(project=project, by=_user("demo-project-daria"), role="лаборант")
    return f"{base()}join-requests/{asked.pk}/decision/"


def move_requested() -> str:
    services.stage_move_request(project=_project(), by=_user(STUDENT))
    return f"{base()}stage/decline/"


def due_in_a_week() -> str:
    return (timezone.localdate() + datetime.timedelta(days=7)).isoformat()


def post_with_file() -> dict:
    upload = SimpleUploadedFile("zamery.pdf", b"%PDF-1.4 zamery", content_type="application/pdf")
    return {"text": "Замеры первой недели.", "kind": "update", "file": upload}
