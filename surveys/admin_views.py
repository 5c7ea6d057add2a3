"""The editors' side in the admin: Wagtail's list of answers with a link to the summary per question.

Wagtail's admin views load only once the models are ready, so the page model reaches this module through
`SurveyPage.get_submissions_list_view_class` at request time.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView

from surveys.selectors import survey_occasions, survey_source, survey_summary


class SurveySubmissionsListView(SubmissionsListView):
    """Wagtail's list of answers (with CSV and XLSX export), with a link to the summary per question. The answers
    of a translated survey are kept with its source: the translation's list leads there."""

    def dispatch(self, request, *args, **kwargs):
        form_page = kwargs.get("form_page")
        source = survey_source(survey=form_page) if form_page is not None else None
        if source is not None and source.pk != form_page.pk:
            return redirect("wagtailforms:list_submissions", source.pk)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def header_buttons(self):
        summary = HeaderButton(
            _("Сводка по вопросам"), url=reverse("surveys_summary", args=[self.form_page.pk]), icon_name="table"
        )
        return [*super().header_buttons, summary]


def summary(request, page_id: int):
    """Counts and averages per question, for those who may read the answers; no answer text, no names."""
    survey = get_object_or_404(get_forms_for_user(request.user), pk=page_id).specific
    if not hasattr(survey, "one_per_resident"):
        raise PermissionDenied
    source = survey_source(survey=survey)
    if source.pk != survey.pk:
        return redirect("surveys_summary", source.pk)
    context = {
        "survey": survey,
        "questions": survey_summary(survey=survey),
        "total": survey.get_submissions().count(),
        "occasions": survey_occasions(survey=survey),
        "submissions_url": reverse("wagtailforms:list_submissions", args=[survey.pk]),
    }
    return TemplateResponse(request, "surveys/admin/summary.html", context)
