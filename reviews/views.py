"""The expert desk («Экспертный стол») on the site: an expert's assignments, the rubric form, their reviews.

Only active experts reach it; everyone else gets a 404, so the desk does not even tell that an assignment exists.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from reviews.forms import ReviewForm
from reviews.selectors import (
    assignment_of_expert,
    assignments_of_expert,
    expert_of,
    item_of,
    reviews_shown_to,
)
from reviews.services import ReviewError, review_submit


def _expert_or_404(request):
    if not request.user.is_authenticated:
        return None
    expert = expert_of(user=request.user)
    if expert is None:
        raise Http404
    return expert


def _render(request, template: str, context: dict, status: int = 200) -> TemplateResponse:
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def desk(request):
    expert = _expert_or_404(request)
    if expert is None:
        return redirect_to_login(request.get_full_path())
    rows = [{"assignment": a, "item": item_of(a)} for a in assignments_of_expert(user=request.user)]
    return _render(
        request,
        "reviews/desk.html",
        {
            "expert": expert,
            "waiting": [row for row in rows if not hasattr(row["assignment"], "review")],
            "done": [row for row in rows if hasattr(row["assignment"], "review")],
        },
    )


def assignment_detail(request, assignment_id: int):
    expert = _expert_or_404(request)
    if expert is None:
        return redirect_to_login(request.get_full_path())
    assignment = assignment_of_expert(user=request.user, assignment_id=assignment_id)
    if assignment is None:
        raise Http404
    criteria = assignment.rubric.criteria.all()
    form = ReviewForm(request.POST or None, criteria=criteria)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            review_submit(
                assignment=assignment,
                user=request.user,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
        except ReviewError as exc:
            error = exc.message
        else:
            messages.success(request, _("Спасибо! Оценка отправлена."))
            return redirect("reviews:assignment", assignment_id=assignment.pk)
    review = getattr(assignment, "review", None)
    context = {
        "expert": expert,
        "assignment": assignment,
        "item": item_of(assignment),
        "form": form,
        "error": error,
        "review": review,
        "others": reviews_shown_to(assignment=assignment, user=request.user),
    }
    status = 400 if request.method == "POST" else 200
    return _render(request, "reviews/assignment.html", context, status=status)
