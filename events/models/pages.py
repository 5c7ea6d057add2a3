"""The pages of the online platform: the events calendar and the project event generator.

Events are snippets; the index page gives each of them its own URL (`<index>/<id>/`), an iCalendar file,
and serves the month calendar and the feed. Views live in `events.views`; the routes here only dispatch.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from events import views
from pages.models.base import BasePage


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming and past events with filters, a month calendar, a page and a calendar file per event."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("календарь событий")
        verbose_name_plural = _("календари событий")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return views.event_index(request, self)

    @path("calendar/")
    def calendar_current(self, request):
        return views.event_calendar(request, self)

    @re_path(r"^calendar/(?P<year>\d{4})/(?P<month>\d{1,2})/$")
    def calendar_month(self, request, year, month):
        return views.event_calendar(request, self, year=int(year), month=int(month))

    @path("feed/")
    def feed(self, request):
        return views.event_feed(request, self)

    @path("<int:pk>/")
    def event_detail(self, request, pk):
        return views.event_detail(request, self, pk)

    @path("<int:pk>/ical/")
    def event_ical(self, request, pk):
        return views.event_ical(request, self, pk)

    @path("<int:pk>/register/")
    def event_register(self, request, pk):
        return views.event_register(request, self, pk)

    @path("<int:pk>/cancel/")
    def event_cancel(self, request, pk):
        return views.event_cancel(request, self, pk)


class EventGeneratorPage(RoutablePageMixin, BasePage):
    """The project event generator, open to everyone: a programme from a format, a topic and a time."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("генератор проектных событий")
        verbose_name_plural = _("генераторы проектных событий")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return views.generator(request, self)

    @path("ical/")
    def programme_ical(self, request):
        return views.generator_ical(request, self)

    @path("submit/")
    def submit(self, request):
        return views.generator_submit(request, self)
