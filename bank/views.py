"""Residents' contributions on the site: the «Предложить решение» form and the «Мы использовали» report.

Thin: who may write and the limits are `bank.services`; the pages are read through `bank.selectors`.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from bank.forms import ReuseReportForm, SolutionProposalForm
from bank.models import SolutionBankPage, SolutionPage
from bank.services import ContributionError, may_submit_solution, reuse_report, solution_submit
from pages.localized import sources
from residents.selectors import pages_visible


def propose(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # Solutions are proposed to the Russian bank (the source of its translations); the reader sees it in their language.
    bank = pages_visible(sources(SolutionBankPage.objects.live()), user=request.user).first()
    if bank is None:
        raise Http404
    allowed = may_submit_solution(user=request.user)
    form = SolutionProposalForm(request.POST or None)
    error = None
    if request.method == "POST" and allowed and form.is_valid():
        try:
            page = solution_submit(bank=bank, user=request.user, data=form.cleaned_data)
        except ContributionError as exc:
            error = exc.message
        else:
            messages.success(
                request,
                _("Решение «%(title)s» отправлено редакции. Мы напишем вам, когда его рассмотрят.")
                % {"title": page.title},
            )
            return redirect("bank_contributions:propose")
    context = {"bank": bank.localized, "form": form, "error": error, "allowed": allowed}
    status = 400 if request.method == "POST" else (200 if allowed else 403)
    response = TemplateResponse(request, "bank/propose.html", context, status=status)
    add_never_cache_headers(response)
    return response


def reused(request, solution_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    solution = get_object_or_404(pages_visible(SolutionPage.objects.live(), user=request.user), pk=solution_id)
    if not request.user.is_authenticated:
        return redirect_to_login(solution.url)
    form = ReuseReportForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect(solution.url + "#reuse")
    try:
        reuse_report(solution=solution, user=request.user, **form.cleaned_data)
    except ContributionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Спасибо! Ваша история появится на странице после проверки редакцией."))
    return redirect(solution.url + "#reuse")
