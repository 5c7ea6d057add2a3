"""The project pages: «Мои проекты», the tutor's board, the project page and its actions, the start form,
projects open to join, the showcase of published ones, checked file downloads, e-mail settings.

Thin: reads come from selectors, writes from services. A refused action shows the service's message; a
project the user may not open answers 404 (the login page for anonymous visitors)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.utils import sendfile_streaming_backend
from wagtail.utils.sendfile import sendfile

from projects import forms, integration, services
from projects.models import NotificationKind, NotificationOptOut
from projects.permissions import can_edit_post, resident_in_good_standing
from projects.reports import tutor_report
from projects.selectors import (
    project_for_work,
    project_get,
    projects_of_user,
    projects_open_to_join,
    projects_showcase,
    projects_tutored,
    stages_all,
    team_labels,
    tutor_rooms,
)
from projects.services import ProjectError


def _render(request, template: str, context: dict, status: int = 200) -> TemplateResponse:
    response = TemplateResponse(request, template, context, status=status)
    if request.user.is_authenticated:
        add_never_cache_headers(response)
    return response


def _login_needed(request):
    return None if request.user.is_authenticated else redirect_to_login(request.get_full_path())


def _board_columns(projects, stages, today) -> list[dict]:
    cards = list(projects)
    return [
        {"stage": stage, "projects": [project for project in cards if project.stage_id == stage.pk]} for stage in stages
    ]


def my_projects(request):
    """«Мои проекты»: the resident's projects on a board, a column per stage, overdue checkpoints marked."""
    if refusal := _login_needed(request):
        return refusal
    stages = stages_all()
    today = timezone.localdate()
    projects = projects_of_user(user=request.user, today=today)
    return _render(
        request,
        "projects/my_projects.html",
        {
            "columns": _board_columns(projects, stages, today),
            "may_start": resident_in_good_standing(request.user),
            "tutors": request.user.tutored_projects.exists(),
        },
    )


def _tutored(request, stages, today):
    """The board's filter form and the projects the user tutors, filtered by it."""
    form = forms.BoardFilterForm(request.GET or None, stages=stages)
    filters = form.cleaned_data if form.is_valid() else {}
    projects = projects_tutored(
        user=request.user,
        school_class=filters.get("school_class", ""),
        stage=filters.get("stage", ""),
        overdue=filters.get("overdue", False),
        today=today,
    )
    return form, projects


def tutor_board(request):
    """The tutor's board of every project they tutor, filtered by class, stage and overdue checkpoints."""
    if refusal := _login_needed(request):
        return refusal
    stages = stages_all()
    today = timezone.localdate()
    form, projects = _tutored(request, stages, today)
    return _render(
        request, "projects/tutor_board.html", {"form": form, "columns": _board_columns(projects, stages, today)}
    )


def tutor_report_xlsx(request):
    """The tutor's board, filtered the same way, as an Excel workbook (no student's contacts)."""
    if refusal := _login_needed(request):
        return refusal
    _form, projects = _tutored(request, stages_all(), timezone.localdate())
    response = HttpResponse(
        tutor_report(projects), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="projects-{timezone.localdate():%Y-%m-%d}.xlsx"'
    add_never_cache_headers(response)
    return response


def open_projects(request):
    if refusal := _login_needed(request):
        return refusal
    return _render(request, "projects/open_projects.html", {"projects": projects_open_to_join(user=request.user)})


def showcase(request):
    """Published projects whose audience the visitor belongs to; team names only as published with consent."""
    cards = [
        {"project": project, "team": team_labels(project, inside=False)}
        for project in projects_showcase(user=request.user)
    ]
    return _render(request, "projects/showcase.html", {"cards": cards})


def start(request):
    """A student proposes a project (and chooses its tutor), or a teacher starts one, possibly for a class."""
    if refusal := _login_needed(request):
        return refusal
    form = forms.StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            project = services.project_create(
                by=request.user,
                title=data["title"],
                summary=data["summary"],
                kind=data["kind"],
                tutor_id=data["tutor"].pk if data["tutor"] else None,
                subject_ids=[subject.pk for subject in data["subjects"]],
                school_class=data["school_class"],
                open_to_join=data["open_to_join"],
                roles_sought=data["roles_sought"],
                **_people_fields(data),
            )
        except ProjectError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Проект начат: теперь спланируйте первые контрольные точки."))
            return redirect("projects:project", project.pk)
    status = 400 if form.errors else 200
    return _render(request, "projects/start.html", {"form": form}, status=status)


def _people_fields(data: dict) -> dict:
    """The consultants, partner and audience of a start or settings form, as the services take them."""
    return {
        "consultant_ids": [user.pk for user in data["consultants"]],
        "partner_id": data["partner"].pk if data["partner"] else None,
        "audience": data["audience"],
    }


def project_detail(request, project_id: int):
    view = project_get(project_id=project_id, user=request.user)
    if view is None:
        if refusal := _login_needed(request):
            return refusal
        raise Http404
    people, project = view.people, view.project
    now = timezone.now()
    context = {
        "view": view,
        "project": project,
        "people": people,
        "stage_rows": view.stage_rows(),
        "team": team_labels(project, inside=people.insider),
        "posts": view.posts,
        "editable": {post.pk for post in view.posts if can_edit_post(post, request.user, now=now)},
        "rooms": tutor_rooms(project, request.user) if people.insider else [],
        "post_form": forms.PostForm(prefix="post"),
        "artefact_form": forms.ArtefactForm(prefix="artefact"),
        "checkpoint_form": forms.CheckpointForm(prefix="checkpoint", members=project.members.all()),
        "may_add_member": people.member or people.leads,
        "join_form": forms.JoinForm(prefix="join"),
        "may_join": project.open_to_join and not people.member and resident_in_good_standing(request.user),
        "may_propose": integration.may_propose_to_bank(project, people, view.stages),
        "formats": integration.defence_formats() if people.leads else [],
    }
    return _render(request, "projects/project_detail.html", context)


def member_add_page(request, project_id: int):
    """The form adding a student to the team (saved by the `member` action), on its own page: the list of
    every student is read only when someone means to add one, not with each visit to the project."""
    if refusal := _login_needed(request):
        return refusal
    found = project_for_work(project_id=project_id, user=request.user)
    if found is None or not (found[1].member or found[1].leads):
        raise Http404
    project = found[0]
    return _render(request, "projects/member_add.html", {"project": project, "form": forms.MemberForm(prefix="member")})


def project_settings(request, project_id: int):
    """The tutor's settings of a project: consultants, partner, audience, looking for people (saved by the
    `settings` action)."""
    if refusal := _login_needed(request):
        return refusal
    found = project_for_work(project_id=project_id, user=request.user)
    if found is None or not found[1].leads:
        raise Http404
    project = found[0]
    form = forms.SettingsForm.for_project(project, prefix="settings")
    return _render(request, "projects/settings.html", {"project": project, "form": form})


ACTIONS = {}


def action(name: str):
    def register(function):
        ACTIONS[name] = function
        return function

    return register


@action("post")
def _post(request, project, target):
    data = _valid(forms.PostForm(request.POST, request.FILES, prefix="post"))
    services.post_create(project=project, by=request.user, text=data["text"], kind=data["kind"], upload=data["file"])
    return _("Запись добавлена в журнал.")


@action("answer")
def _answer(request, project, target):
    services.post_create(project=project, by=request.user, text=request.POST.get("text", ""), reply_to_id=target)
    return _("Ответ добавлен.")


@action("edit")
def _edit(request, project, target):
    post = _target(project.posts, target)
    services.post_edit(post=post, by=request.user, text=request.POST.get("text", ""))
    return _("Запись исправлена.")


@action("hide")
def _hide(request, project, target):
    post = _target(project.posts, target)
    services.post_hide(post=post, by=request.user)
    return _("Запись скрыта; она осталась в журнале с пометкой.")


@action("artefact")
def _artefact(request, project, target):
    data = _valid(forms.ArtefactForm(request.POST, request.FILES, prefix="artefact"))
    services.artefact_add(
        project=project,
        by=request.user,
        kind=data["kind"],
        title=data["title"],
        upload=data["file"],
        url=data["url"],
    )
    return _("Материал добавлен.")


@action("checkpoint")
def _checkpoint(request, project, target):
    members = project.members.select_related("user")
    data = _valid(forms.CheckpointForm(request.POST, prefix="checkpoint", members=members))
    services.checkpoint_add(
        project=project, by=request.user, title=data["title"], due=data["due"], responsible_id=data["responsible"]
    )
    return _("Контрольная точка добавлена.")


@action("settings")
def _settings(request, project, target):
    data = _valid(forms.SettingsForm(request.POST, prefix="settings"))
    services.project_settings_update(
        project=project,
        by=request.user,
        open_to_join=data["open_to_join"],
        roles_sought=data["roles_sought"],
        **_people_fields(data),
    )
    return _("Настройки проекта сохранены.")


@action("checkpoint-done")
def _checkpoint_done(request, project, target):
    checkpoint = _target(project.checkpoints, target)
    services.checkpoint_set_status(checkpoint=checkpoint, by=request.user, status="done")
    return _("Контрольная точка выполнена.")


@action("member")
def _member(request, project, target):
    data = _valid(forms.MemberForm(request.POST, prefix="member"))
    services.member_add(project=project, by=request.user, user_id=data["user"].pk, role=data["role"])
    return _("Участник добавлен в команду.")


@action("move-request")
def _move_request(request, project, target):
    services.stage_move_request(project=project, by=request.user)
    return _("Тьютор получит просьбу о переходе на следующую стадию.")


@action("move-approve")
def _move_approve(request, project, target):
    services.stage_approve(project=project, by=request.user)
    return _("Переход на следующую стадию одобрен.")


@action("move-decline")
def _move_decline(request, project, target):
    move = _target(project.moves, target)
    services.stage_move_decide(move=move, by=request.user, approve=False)
    return _("Переход отклонён.")


@action("join")
def _join(request, project, target):
    services.join_request_create(
        project=project, by=request.user, **_valid(forms.JoinForm(request.POST, prefix="join"))
    )
    return _("Заявка отправлена тьютору проекта.")


@action("join-accept")
def _join_accept(request, project, target):
    join_request = _target(project.join_requests, target)
    services.join_request_decide(join_request=join_request, by=request.user, accept=True)
    return _("Заявка принята: участник в команде.")


@action("join-decline")
def _join_decline(request, project, target):
    join_request = _target(project.join_requests, target)
    services.join_request_decide(join_request=join_request, by=request.user, accept=False)
    return _("Заявка отклонена.")


@action("propose-bank")
def _propose(request, project, target):
    integration.project_propose_to_bank(project=project, by=request.user)
    return _("Черновик решения отправлен редакторам банка на проверку.")


@action("plan-defence")
def _plan_defence(request, project, target):
    integration.defence_plan(project=project, by=request.user, data=request.POST)
    return _("Программа защиты отправлена модераторам как черновик события.")


def _missing():
    raise Http404


def _target(related, target: int | None):
    """The project's own row an action is on (a post, a checkpoint, a move, a request), or 404."""
    return related.filter(pk=target).first() or _missing()


def _valid(form) -> dict:
    """The form's data, or a refusal naming the first field at fault (shown as the action's message)."""
    if not form.is_valid():
        raise ProjectError(_first_error(form), code="invalid")
    return form.cleaned_data


def _first_error(form) -> str:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        return f"{label}: {errors[0]}" if label else errors[0]
    return _("Проверьте данные формы.")


def project_action(request, project_id: int, name: str, target: int | None = None):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if refusal := _login_needed(request):
        return refusal
    found = project_for_work(project_id=project_id, user=request.user)
    if found is None or name not in ACTIONS:
        raise Http404
    try:
        message = ACTIONS[name](request, found[0], target)
    except ProjectError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect(reverse("projects:project", args=[project_id]) + ("#journal" if name in {"post", "answer"} else ""))


def _send_private(request, file_field, name: str):
    options = {"attachment": True, "attachment_filename": name}
    if not hasattr(settings, "SENDFILE_BACKEND"):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = sendfile(request, file_field.path, **options)
    add_never_cache_headers(response)
    return response


def artefact_file(request, project_id: int, artefact_id: int):
    """The checked download view: a project's file goes only to its people."""
    view = project_get(project_id=project_id, user=request.user)
    if view is None or not view.people.insider:
        if refusal := _login_needed(request):
            return refusal
        raise Http404
    artefact = next((a for a in view.artefacts if a.pk == artefact_id and a.file), None) or _missing()
    return _send_private(request, artefact.file, artefact.file_name)


def post_file(request, project_id: int, post_id: int):
    view = project_get(project_id=project_id, user=request.user)
    if view is None or not view.people.insider:
        if refusal := _login_needed(request):
            return refusal
        raise Http404
    post = next((p for p in view.posts if p.pk == post_id and p.file), None) or _missing()
    if post.is_hidden and not view.people.leads:
        raise Http404
    return _send_private(request, post.file, post.file_name)


def notification_settings(request):
    """Which e-mails of the projects workspace the resident receives."""
    if refusal := _login_needed(request):
        return refusal
    if request.method == "POST":
        services.notifications_set(user=request.user, enabled=set(request.POST.getlist("kind")))
        messages.success(request, _("Настройки уведомлений сохранены."))
        return redirect("projects:notifications")
    off = set(NotificationOptOut.objects.filter(user=request.user).values_list("kind", flat=True))
    kinds = [{"value": kind, "label": kind.label, "on": kind not in off} for kind in NotificationKind]
    return _render(request, "projects/notifications.html", {"kinds": kinds})
