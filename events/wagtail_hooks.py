"""The online platform in the admin: events (moderated snippets), formats, and the lists of sign-ups."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.landing import landing_api_items
from events.models import Event, EventFormat, Registration
from events.selectors import events_landing


class RegistrationsColumn(Column):
    """A link from an event to the organiser's list of who signed up for it."""

    def get_value(self, instance):
        if not instance.registration_required:
            return ""
        url = f"{reverse('event_registrations:index')}?{urlencode({'event': instance.pk})}"
        return format_html('<a href="{}">{}</a>', url, _("Кто записался"))


class SurveyColumn(Column):
    """A link from an event to the summary of its survey, where the participants' response rate is shown."""

    def get_value(self, instance):
        if instance.survey_id is None:
            return ""
        url = reverse("surveys_summary", args=[instance.survey_id])
        return format_html('<a href="{}">{}</a>', url, _("Отклик и сводка"))


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = _("События")
    list_display = [
        "title",
        "kind",
        "start",
        "audience",
        "organiser",
        RegistrationsColumn("registrations", label=_("Запись")),
        SurveyColumn("survey", label=_("Опрос")),
    ]
    list_filter = ["kind", "event_format", "audience", "live"]
    list_export = ["title", "kind", "start", "end", "place_label", "audience", "organiser", "capacity"]
    search_fields = ["title", "summary"]
    ordering = ["-start"]


class EventFormatViewSet(SnippetViewSet):
    model = EventFormat
    icon = "list-ol"
    menu_label = _("Форматы событий")
    list_display = ["name", "typical_duration", "min_participants", "max_participants"]
    search_fields = ["name", "description"]


class EventsGroup(SnippetViewSetGroup):
    items = (EventViewSet, EventFormatViewSet)
    menu_icon = "date"
    menu_label = _("Онлайн-площадка")
    menu_name = "online_platform"
    menu_order = 310


class RegistrationViewSet(ModelViewSet):
    """The organiser's list of who signed up, filtered by event and exported as CSV or Excel."""

    model = Registration
    icon = "user"
    menu_label = _("Записи на события")
    menu_order = 311
    add_to_admin_menu = True
    form_fields = ["event", "user"]
    list_display = ["event", "participant_name", "participant_email", "created_at"]
    list_filter = ["event"]
    list_export = ["event", "participant_name", "participant_email", "created_at"]
    export_filename = "registrations"
    search_fields = ["event__title", "user__username", "user__email", "user__first_name", "user__last_name"]


register_snippet(EventsGroup)


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("event_registrations")


@hooks.register("upcoming_events")
def provide_upcoming_events(*, request, count: int):
    return events_landing(request=request, count=count)


@hooks.register("api_landing_events")
def provide_landing_events(*, request, count: int) -> list[dict]:
    return landing_api_items(request=request, count=count)
