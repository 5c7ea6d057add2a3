"""The council's admin (partners, residents, suspensions, consents, import) and the access checks that
Wagtail's serving hooks give us: page HTML and document downloads."""

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from residents import imports, services
from residents.access import refuse
from residents.admin_views import import_view
from residents.models import Consent, Membership, Partner, Suspension, Tier
from residents.roles import RESIDENT_ROLES, role_choices
from residents.selectors import can_download, can_view

SOON_DAYS = 30


# Serving: page HTML and documents --------------------------------------------------------------------


@hooks.register("before_serve_page")
def check_page_audience(page, request, serve_args, serve_kwargs):
    """Anonymous visitors are sent to log in; users without the tier get a 403 page that says why. Wagtail's
    own hook then applies the page's view restrictions (login, groups, its password form)."""
    page = page.specific_deferred
    if not can_view(page, user=request.user, privacy=False):
        return refuse(request, getattr(page, "audience", None))
    return None


@hooks.register("before_serve_document")
def check_document_audience(document, request):
    """A document follows the content that uses it (see `residents.selectors.files_visible`); Wagtail's own
    hook applies its collection's view restriction, with its password form."""
    if not can_download(document, user=request.user, privacy=False):
        return refuse(request)
    return None


# The council's snippets ------------------------------------------------------------------------------


def _soon(days: int = SOON_DAYS) -> tuple[datetime.date, datetime.date]:
    today = timezone.localdate()
    return today, today + datetime.timedelta(days=days)


class PartnerFilterSet(WagtailFilterSet):
    ending_soon = django_filters.BooleanFilter(
        label=_("договор заканчивается в ближайшие 30 дней"), method="filter_ending_soon"
    )

    def filter_ending_soon(self, queryset, name, value):
        if value is None:
            return queryset
        today, soon = _soon()
        ending = queryset.filter(contract_end__gte=today, contract_end__lte=soon)
        return ending if value else queryset.exclude(pk__in=ending.values("pk"))

    class Meta:
        model = Partner
        fields = []


class MembershipFilterSet(WagtailFilterSet):
    tier = django_filters.ChoiceFilter(label=_("вид резидентства"), choices=Tier.choices)
    role = django_filters.ChoiceFilter(label=_("роль"), choices=role_choices(RESIDENT_ROLES))
    school_class = django_filters.CharFilter(label=_("класс"), lookup_expr="iexact")
    suspended = django_filters.BooleanFilter(label=_("приостановлен"), method="filter_suspended")
    contract_ending_soon = django_filters.BooleanFilter(
        label=_("договор заканчивается в ближайшие 30 дней"), method="filter_contract_ending_soon"
    )

    def filter_suspended(self, queryset, name, value):
        if value is None:
            return queryset
        active = Suspension.objects.active_on(timezone.localdate()).filter(membership=OuterRef("pk"))
        return queryset.filter(Exists(active)) if value else queryset.exclude(Exists(active))

    def filter_contract_ending_soon(self, queryset, name, value):
        if value is None:
            return queryset
        today, soon = _soon()
        ending = queryset.filter(partner__contract_end__gte=today, partner__contract_end__lte=soon)
        return ending if value else queryset.exclude(pk__in=ending.values("pk"))

    class Meta:
        model = Membership
        fields = ["tier", "role", "school_class"]


class SuspensionFilterSet(WagtailFilterSet):
    in_force = django_filters.BooleanFilter(label=_("действует сейчас"), method="filter_in_force")
    for_good = django_filters.BooleanFilter(label=_("без срока"), field_name="ends_on", lookup_expr="isnull")

    def filter_in_force(self, queryset, name, value):
        if value is None:
            return queryset
        active = Suspension.objects.active_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)

    class Meta:
        model = Suspension
        fields = []


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Партнёры")
    list_display = ["name", "contract_number", "contract_start", "contract_end"]
    search_fields = ["name", "contract_number"]
    search_backend_name = None  # the database's own search: residents' names stay out of the search index
    filterset_class = PartnerFilterSet


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Резиденты")
    list_display = ["__str__", "tier", "school_class", "partner"]
    search_fields = ["user__last_name", "user__first_name", "user__email", "school_class"]
    search_backend_name = None
    filterset_class = MembershipFilterSet
    panels = [
        FieldPanel("user"),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("school_class"), FieldPanel("partner")]),
        FieldPanel("public_name"),
        FieldPanel("children", widget=forms.CheckboxSelectMultiple),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "partner")


class SuspensionViewSet(SnippetViewSet):
    model = Suspension
    icon = "warning"
    menu_label = _("Приостановки")
    list_display = ["membership", "decision_reference", "starts_on", "ends_on", "lifted_at"]
    search_fields = ["reason", "decision_reference", "membership__user__last_name"]
    search_backend_name = None
    filterset_class = SuspensionFilterSet

    def get_queryset(self, request):
        return Suspension.objects.select_related("membership__user")


class ConsentViewSet(SnippetViewSet):
    model = Consent
    icon = "doc-full"
    menu_label = _("Согласия")
    list_display = ["membership", "purpose", "given_by", "text_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "given_by"]

    def get_queryset(self, request):
        return Consent.objects.select_related("membership__user")


class CouncilViewSetGroup(SnippetViewSetGroup):
    items = (MembershipViewSet, SuspensionViewSet, PartnerViewSet, ConsentViewSet)
    menu_icon = "group"
    menu_label = _("Совет коворкинга")
    menu_name = "council"


register_snippet(CouncilViewSetGroup)


# History: each decision is logged -------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_residents_log_actions(actions):
    actions.register_action(services.SUSPEND, _("Приостановить резидентство"), _("Резидентство приостановлено"))
    actions.register_action(services.LIFT, _("Снять приостановку"), _("Приостановка снята"))
    actions.register_action(services.RENEW, _("Продлить договор"), _("Договор продлён"))
    actions.register_action(services.CONSENT_GIVE, _("Записать согласие"), _("Согласие получено"))
    actions.register_action(services.CONSENT_WITHDRAW, _("Отозвать согласие"), _("Согласие отозвано"))
    actions.register_action(imports.IMPORT_ACTION, _("Импорт резидентов"), _("Импортирован из выгрузки школы"))


# Dashboard ------------------------------------------------------------------------------------------


class CouncilPanel(Component):
    name = "council"
    order = 150
    template_name = "residents/admin/council_panel.html"

    def get_context_data(self, parent_context=None):
        today, soon = _soon()
        return {
            "partners": Partner.objects.filter(contract_end__gte=today, contract_end__lte=soon).order_by(
                "contract_end"
            )[:20],
            "suspensions": Suspension.objects.active_on(today)
            .filter(ends_on__lte=soon)
            .select_related("membership__user")
            .order_by("ends_on")[:20],
            "days": SOON_DAYS,
        }


@hooks.register("construct_homepage_panels")
def add_council_panel(request, panels):
    if request.user.has_perm("residents.change_membership"):
        panels.append(CouncilPanel())


# Import ---------------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("residents/import/", import_view, name="residents_import")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return AdminOnlyMenuItem(
        _("Импорт резидентов"), reverse("residents_import"), icon_name="upload", order=1200, name="residents-import"
    )
