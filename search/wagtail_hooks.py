from wagtail import hooks

from bank.models import SolutionBankPage
from search.views import serve_bank_page


@hooks.register("before_serve_page")
def serve_bank_search(page, request, serve_args, serve_kwargs):
    """The bank's index page is its search: the search app answers for it."""
    if isinstance(page, SolutionBankPage):
        return serve_bank_page(request, page)
    return None
