"""The admin's side of the English version: translating makes a draft, and editors see what is left."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from pages.translations import TARGET_LANGUAGE, translations_missing, untranslated_strings


class MissingTranslationsReportView(ReportView):
    """Pages and snippets without an English version, with an English draft, or with Russian strings left."""

    page_title = _("Нет перевода на английский")
    header_icon = "globe"
    index_url_name = "translations_missing_report"
    index_results_url_name = "translations_missing_report_results"
    export_filename = "translations-missing"
    columns = [
        TitleColumn("title", label=_("Страница или фрагмент"), url_name=None, get_url=lambda row: row.edit_url),
        Column("kind", label=_("Тип")),
        Column("status", label=_("Что не так")),
        Column("untranslated", label=_("Строк по-русски")),
    ]
    list_export = ["title", "kind", "status", "untranslated"]
    export_headings = {"title": _("Страница или фрагмент"), "kind": _("Тип"), "status": _("Что не так")}

    def get_queryset(self):
        return translations_missing()


def _warn_untranslated(request, page) -> None:
    if page.locale.language_code != TARGET_LANGUAGE:
        return
    count = untranslated_strings(page)
    if count:
        messages.warning(
            request,
            _("Не переведено строк: %(count)d. Пока их нет, на английской странице будет русский текст.")
            % {"count": count},
        )


@hooks.register("before_edit_page", order=-1)
def warn_about_untranslated_strings(request, page):
    """An English page opened for editing says how many strings are still in Russian (before
    wagtail-localize's own hook, which serves its translation editor for synced translations)."""
    if request.method == "GET":
        _warn_untranslated(request, page)


@hooks.register("after_publish_page")
def warn_after_publishing_untranslated(request, page):
    _warn_untranslated(request, page)


@hooks.register("insert_editor_js")
def relabel_the_translation_editor():
    """The translation editor's "More actions" button in the admin's language (wagtail-localize's own
    script writes it in English)."""
    return format_html(
        '<script src="{}" data-more-actions="{}"></script>',
        static("pages/translation_editor.js"),
        _("Ещё действия"),
    )


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    view = MissingTranslationsReportView
    return [
        path("reports/translations-missing/", view.as_view(), name="translations_missing_report"),
        path(
            "reports/translations-missing/results/",
            view.as_view(results_only=True),
            name="translations_missing_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Нет перевода на английский"),
        reverse("translations_missing_report"),
        name="translations-missing",
        icon_name="globe",
        order=1400,
    )
