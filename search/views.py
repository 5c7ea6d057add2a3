"""The bank page as a search page: every state (query, facets, sort, page) lives in the URL."""

from django.template.response import TemplateResponse

from search.forms import BankSearchForm
from search.selectors import search_solutions

FACET_LABELS = {name: BankSearchForm.base_fields[name].label for name in BankSearchForm.FILTERS}


def serve_bank_page(request, page) -> TemplateResponse:
    form = BankSearchForm(request.GET)
    params = form.parameters()
    found = search_solutions(user=request.user, params=params, per_page=page.per_page, within=page)
    context = page.get_context(request)
    context.update(
        form=form,
        params=params,
        found=found,
        facet_labels=FACET_LABELS,
        has_filters=any(params.get(name) for name in BankSearchForm.FILTERS),
    )
    return TemplateResponse(request, page.get_template(request), context)
