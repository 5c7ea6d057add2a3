from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from bank.models import ProjectType, SolutionPage, SubjectArea
from residents.selectors import can_view


class SubjectAreaViewSet(SnippetViewSet):
    model = SubjectArea
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ProjectTypeViewSet(SnippetViewSet):
    model = ProjectType
    icon = "group"
    list_display = ["name", "slug", "is_collective"]
    list_filter = ["is_collective"]
    search_fields = ["name"]


class BankTaxonomyGroup(SnippetViewSetGroup):
    items = (SubjectAreaViewSet, ProjectTypeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Банк решений")
    menu_name = "bank"
    menu_order = 310


register_snippet(BankTaxonomyGroup)


@hooks.register("before_serve_page")
def hide_solutions_from_other_audiences(page, request, serve_args, serve_kwargs):
    """A solution for residents or staff answers 404 to others: not even its title is shown."""
    if isinstance(page, SolutionPage) and not can_view(page, user=request.user):
        raise Http404
