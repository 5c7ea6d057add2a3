"""The survey's page for visitors: the form, why it cannot be answered, the errors, the thanks."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import resolve_url
from django.template.response import TemplateResponse

from surveys.selectors import survey_form, survey_refusal
from surveys.services import SurveyRefused, submission_create


def _render(request, survey, *, form=None, refusal=None, status: int = 200):
    context = survey.get_context(request)
    context.update(
        {
            "form": form,
            "refusal": refusal,
            "login_url": f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.path})}",
        }
    )
    return TemplateResponse(request, survey.get_template(request), context, status=status)


def survey_serve(request, survey):
    """GET shows the form (or why it cannot be answered); POST stores the answers or shows the errors."""
    refusal = survey_refusal(survey=survey, user=request.user)
    if refusal is not None:
        return _render(request, survey, refusal=refusal, status=200 if request.method == "GET" else refusal.status)
    if request.method != "POST":
        return _render(request, survey, form=survey_form(survey=survey, user=request.user))
    form = survey_form(survey=survey, data=request.POST, user=request.user)
    if not form.is_valid():
        return _render(request, survey, form=form, status=422)
    try:
        submission = submission_create(survey=survey, user=request.user, form=form)
    except SurveyRefused as refused:
        return _render(request, survey, form=form, refusal=refused.refusal, status=refused.refusal.status)
    return survey.render_landing_page(request, submission)
