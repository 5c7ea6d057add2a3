from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from bank.landing import landing_api_items
from bank.models import BankTag, ProjectType, ReuseReport, SubjectArea


class SubjectAreaViewSet(SnippetViewSet):
    model = SubjectArea
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ProjectTypeViewSet(SnippetViewSet):
    model = ProjectType
    icon = "group"
    list_display = ["name", "slug", BooleanColumn("is_collective", label=_("Коллективный"))]
    list_filter = ["is_collective"]
    search_fields = ["name"]


class BankTagViewSet(SnippetViewSet):
    """The solutions' tags: made by typing them on a solution; here editors translate and rename them."""

    model = BankTag
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    search_backend_name = None  # tags are not in the search index: the admin filters them by name


class ReuseReportViewSet(SnippetViewSet):
    """«Мы использовали это решение»: editors read the stories and publish those fit for the solution's page."""

    model = ReuseReport
    icon = "openquote"
    list_display = ["solution", "where", BooleanColumn("published", label=_("Опубликована")), "created_at"]
    list_filter = ["published"]
    search_fields = ["story", "where"]


class BankTaxonomyGroup(SnippetViewSetGroup):
    items = (SubjectAreaViewSet, ProjectTypeViewSet, BankTagViewSet, ReuseReportViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Банк решений")
    menu_name = "bank"
    menu_order = 310


register_snippet(BankTaxonomyGroup)


@hooks.register("api_landing_solutions")
def provide_landing_solutions(*, request, count: int) -> list[dict]:
    return landing_api_items(request=request, count=count)
