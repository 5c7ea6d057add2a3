"""The bank's index page: its own search, with facets, over the solutions below it."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from bank.models.pages import SolutionPage
from bank.search.forms import FACET_LABELS, BankSearchForm
from bank.search.selectors import solutions_search
from pages.models.base import BasePage


class SolutionBankPage(BasePage):
    """The bank's index: full-text search with facets over the solutions below it."""

    per_page = models.PositiveSmallIntegerField(
        _("решений на странице"),
        default=12,
        validators=[MaxValueValidator(50)],
        help_text=_("Сколько решений показывать на одной странице списка; остальные — на следующих."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("per_page")]
    api_fields = [*BasePage.api_fields]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["bank.SolutionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("банк проектных решений")
        verbose_name_plural = _("банки проектных решений")

    def route(self, request, path_components):
        """A solution is found with its cover, type and tutor in one query (Wagtail reads the page, then its
        row of solution, and the page reads itself again for those: two queries less on a solution page)."""
        if path_components:
            solution = (
                SolutionPage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("cover", "project_type", "tutor")
                .first()
            )
            if solution is not None:
                solution._cached_parent_obj = self
                return solution.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        """The page is its search: every state (query, facets, sort, page) comes from the URL, so a search
        can be shared and works without JavaScript; parameters that do not fit are named and left out."""
        context = super().get_context(request, *args, **kwargs)
        form = BankSearchForm(request.GET)
        params = form.parameters()
        context.update(
            form=form,
            params=params,
            found=solutions_search(user=request.user, params=params, per_page=self.per_page, within=self),
            facet_labels=FACET_LABELS,
            has_filters=any(params.get(name) for name in BankSearchForm.FILTERS),
        )
        return context
