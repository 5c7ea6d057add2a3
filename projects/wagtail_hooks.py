"""Projects in the admin: projects (drafts, revisions, history, locking) with filters and the tutor's XLSX
report, the stages methodologists edit, and the actions the project's history records."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from projects import services
from projects.admin import ProjectFilterSet
from projects.models import Project, Stage


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "clipboard-list"
    menu_label = _("Проекты")
    list_display = ["title", "stage", "kind", "tutor", "academic_year", BooleanColumn("live", label=_("Опубликован"))]
    filterset_class = ProjectFilterSet
    search_fields = ["title", "summary"]
    search_backend_name = None
    ordering = ["stage__position", "title"]
    list_export = ["title", "stage", "kind", "academic_year", "tutor", "created_at"]
    export_filename = "projects"

    def get_queryset(self, request):
        return Project.objects.select_related("stage", "tutor")


class StageViewSet(SnippetViewSet):
    model = Stage
    icon = "list-ol"
    menu_label = _("Стадии проектов")
    list_display = ["position", "name", "slug", BooleanColumn("is_published", label=_("Проект опубликован"))]


class ProjectsGroup(SnippetViewSetGroup):
    items = (ProjectViewSet, StageViewSet)
    menu_icon = "clipboard-list"
    menu_label = _("Проекты")
    menu_name = "projects"
    menu_order = 320


register_snippet(ProjectsGroup)


@hooks.register("register_log_actions")
def register_project_actions(actions):
    actions.register_action(services.STAGE_APPROVED, _("Одобрить переход"), _("Переход на новую стадию одобрен"))
    actions.register_action(services.STAGE_DECLINED, _("Отклонить переход"), _("Переход на новую стадию отклонён"))
    actions.register_action(services.MEMBER_ADDED, _("Добавить участника"), _("Участник добавлен в команду"))
    actions.register_action(services.POST_HIDDEN, _("Скрыть запись журнала"), _("Запись журнала скрыта"))


@hooks.register("register_admin_menu_item")
def register_tutor_report():
    return MenuItem(_("Отчёт тьютора (XLSX)"), reverse("projects:tutor_report"), icon_name="download", order=321)
