"""Admin of the support system: the topics snippet and the programme completion report with export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from support.models import ModuleProgress, ProgrammePage, SupportTopic
from support.selectors import completion_report

report_policy = ModelPermissionPolicy(ModuleProgress)


class SupportTopicViewSet(SnippetViewSet):
    model = SupportTopic
    icon = "tag"
    menu_label = _("Темы материалов")
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(SupportTopicViewSet)


class ProgrammeCompletionReportView(ReportView):
    """Per programme: how many residents started it, completed it, and the modules they marked done."""

    page_title = _("Прохождение программ сопровождения")
    header_icon = "list-ol"
    index_url_name = "support_completion_report"
    index_results_url_name = "support_completion_report_results"
    permission_policy = report_policy
    permission_required = "view"
    export_filename = "programme-completion"
    columns = [
        Column("title", label=_("Программа")),
        Column("target_group", label=_("Для кого")),
        Column("total_hours", label=_("Часов")),
        Column("module_count", label=_("Модулей")),
        Column("started", label=_("Начали")),
        Column("completed", label=_("Завершили")),
        Column("completion_percent", label=_("Завершили, %")),
        Column("modules_done", label=_("Отмечено модулей")),
    ]
    list_export = [column.name for column in columns]
    export_headings = {column.name: column.label for column in columns}

    def get_queryset(self):
        return ProgrammePage.objects.all()

    def decorate_paginated_queryset(self, object_list):
        pages = ProgrammePage.objects.filter(pk__in=[page.pk for page in object_list])
        return [ReportRow(row) for row in completion_report(programmes=pages)]

    def get_table(self, object_list):
        """The table shows the same rows as the export: figures computed for the page of programmes."""
        return super().get_table(self.decorate_paginated_queryset(object_list))


class ReportRow:
    """One line of the report, with plain values for the table and the spreadsheet."""

    def __init__(self, row):
        page = row.programme
        self.title = page.title
        self.target_group = str(page.get_target_group_display())
        self.total_hours = page.total_hours
        self.module_count = len(page.module_ids())
        self.started = row.started
        self.completed = row.completed
        self.completion_percent = row.completion_percent
        self.modules_done = row.modules_done


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return report_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_report_urls():
    view = ProgrammeCompletionReportView
    return [
        path("reports/support-completion/", view.as_view(), name="support_completion_report"),
        path(
            "reports/support-completion/results/",
            view.as_view(results_only=True),
            name="support_completion_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Прохождение программ"),
        reverse("support_completion_report"),
        name="support-completion",
        icon_name="list-ol",
        order=1300,
    )
