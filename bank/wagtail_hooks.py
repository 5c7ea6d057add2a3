from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from bank.models import ProjectType, SubjectArea


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
