"""The editors' side of expert evaluation in the admin: assigning experts and publishing results."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from reviews.admin_forms import AssignForm
from reviews.selectors import items_under_review, may_manage_reviews
from reviews.services import ReviewError, assignment_create, result_publish, result_withdraw


def _check(request) -> None:
    if not may_manage_reviews(user=request.user):
        raise PermissionDenied


def reviews_index(request):
    _check(request)
    return TemplateResponse(
        request,
        "reviews/admin/index.html",
        {"rows": items_under_review(), "page_title": _("Экспертиза"), "header_icon": "tasks"},
    )


def assign(request):
    _check(request)
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item = form.cleaned_data["item"]
        refused = 0
        for expert in form.cleaned_data["experts"]:
            try:
                assignment_create(
                    item=item,
                    expert=expert,
                    rubric=form.cleaned_data["rubric"],
                    by=request.user,
                    due_on=form.cleaned_data["due_on"],
                )
            except ReviewError as exc:
                refused += 1
                messages.error(request, exc.message)
            else:
                messages.success(request, _("%(name)s назначен(а) экспертом.") % {"name": expert})
        if not refused:
            return redirect("reviews_admin_index")
    return TemplateResponse(
        request,
        "reviews/admin/assign.html",
        {"form": form, "page_title": _("Назначить экспертов"), "header_icon": "tasks"},
    )


def item_action(request, content_type_id: int, object_id: int, action: str):
    _check(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    item = model.objects.filter(pk=object_id).first() if model else None
    if item is None:
        raise Http404
    if action == "publish":
        try:
            result_publish(item=item, by=request.user)
        except ReviewError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Оценка работы «%(item)s» опубликована.") % {"item": item})
    elif action == "withdraw":
        result_withdraw(item=item)
        messages.success(request, _("Оценка работы «%(item)s» снята с публикации.") % {"item": item})
    else:
        raise Http404
    return redirect("reviews_admin_index")
