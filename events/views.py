"""Thin views behind the routes of the event pages: they read through selectors, write through services."""

from datetime import date, timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from api.ids import id_in_range
from events import ical
from events.forms import EventFilterForm, GeneratorForm
from events.models.events import CALENDAR_YEARS, EVENT_TIME_ZONE
from events.selectors import (
    audience_choices,
    calendar_address_holder,
    calendar_address_of,
    event_get,
    event_ids_registered,
    event_index_page,
    event_list,
    event_related_pages,
    event_url,
    events_past,
    events_upcoming,
    format_choices,
    month_calendar,
    online_link_visible,
    registration_state,
)
from events.services import (
    EventActionError,
    calendar_address_issue,
    calendar_address_revoke,
    proposal_allowed,
    proposal_submit,
    registration_cancel,
    registration_create,
)

PER_PAGE = 20


def _host(request) -> str:
    return request.get_host().split(":")[0]


def _calendar_file(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _login_url(request, next_url: str) -> str:
    return f"{reverse('wagtailadmin_login')}?{urlencode({'next': next_url})}"


def event_index(request, page):
    user = request.user
    form = EventFilterForm(request.GET or None, formats=format_choices(), audiences=audience_choices(user=user))
    filters = form.filters()
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("past", None)
    context = page.get_context(request)
    context.update(
        form=form,
        upcoming=Paginator(events_upcoming(user=user, filters=filters), PER_PAGE).get_page(request.GET.get("page")),
        past=Paginator(events_past(user=user, filters=filters), PER_PAGE).get_page(request.GET.get("past")),
        index_url=page.url,
        filter_query=query.urlencode(),
        calendar_url=page.url + page.reverse_subpage("calendar_current"),
        feed_url=page.url + page.reverse_subpage("feed"),
    )
    return TemplateResponse(request, "events/event_index_page.html", context)


def _shift_month(month: date, step: int) -> date:
    return (month + timedelta(days=32)).replace(day=1) if step > 0 else (month - timedelta(days=1)).replace(day=1)


def event_calendar(request, page, *, year: int | None = None, month: int | None = None):
    today = timezone.now().astimezone(EVENT_TIME_ZONE).date()
    try:
        shown = date(year or today.year, month or today.month, 1)
    except ValueError as error:
        raise Http404(_("Такого месяца нет.")) from error
    if shown.year not in CALENDAR_YEARS:
        raise Http404(_("Такого месяца нет."))
    previous, following = _shift_month(shown, -1), _shift_month(shown, 1)
    context = page.get_context(request)
    context.update(
        month=shown,
        weeks=month_calendar(user=request.user, month=shown),
        index_url=page.url,
        previous_url=page.url + page.reverse_subpage("calendar_month", args=(previous.year, previous.month)),
        next_url=page.url + page.reverse_subpage("calendar_month", args=(following.year, following.month)),
        previous_month=previous,
        next_month=following,
    )
    return TemplateResponse(request, "events/event_calendar.html", context)


def event_feed(request, page):
    index_url = page.get_full_url(request)
    events = ((event, f"{index_url}{event.pk}/") for event in event_list(user=request.user))
    body = ical.events_calendar(events, name=page.title, host=_host(request))
    return _calendar_file(body, "events.ics")


def _event_or_404(request, pk: int):
    event = event_get(user=request.user, pk=pk) if id_in_range(pk) else None
    if event is None:
        raise Http404(_("Событие не найдено."))
    return event


def event_detail(request, page, pk: int):
    event = _event_or_404(request, pk)
    event_url = f"{page.get_full_url(request)}{event.pk}/"
    context = page.get_context(request)
    context.update(
        event=event,
        related_pages=event_related_pages(event=event, user=request.user),
        title=event.seo_title or event.title,
        index_url=page.url,
        state=registration_state(event=event, user=request.user),
        online_link=event.online_url if online_link_visible(event=event, user=request.user) else "",
        login_url=_login_url(request, request.path),
        ics_url=f"{page.url}{event.pk}/ical/",
        google_url=ical.google_calendar_url(event, url=event_url),
        outlook_url=ical.outlook_calendar_url(event, url=event_url),
    )
    return TemplateResponse(request, "events/event_detail.html", context)


def event_ical(request, page, pk: int):
    event = _event_or_404(request, pk)
    url = f"{page.get_full_url(request)}{event.pk}/"
    body = ical.events_calendar([(event, url)], name=event.title, host=_host(request))
    return _calendar_file(body, f"event-{event.pk}.ics")


def _registration_action(request, page, pk: int, action, success: str):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    event_path = f"{page.url}{pk}/"
    if not request.user.is_authenticated:
        return redirect(_login_url(request, event_path))
    try:
        action(event_id=pk, user=request.user)
    except EventActionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)
    return redirect(event_path)


def event_register(request, page, pk: int):
    return _registration_action(request, page, pk, registration_create, _("Вы записаны на событие."))


def event_cancel(request, page, pk: int):
    return _registration_action(request, page, pk, registration_cancel, _("Запись отменена."))


def _generator_initial() -> dict:
    tomorrow = timezone.now().astimezone(EVENT_TIME_ZONE).date() + timedelta(days=1)
    return {"date": tomorrow, "time": "15:00", "duration": 90, "participants": 20}


def generator(request, page, *, form: GeneratorForm | None = None, status: int = 200):
    form = form or GeneratorForm(request.GET or None, initial=_generator_initial())
    programme = form.programme() if form.is_bound and form.is_valid() else None
    context = page.get_context(request)
    context.update(
        form=form,
        programme=programme,
        query=form.data.urlencode() if programme else "",
        ics_url=page.url + page.reverse_subpage("programme_ical"),
        submit_url=page.url + page.reverse_subpage("submit"),
        may_submit=proposal_allowed(user=request.user),
        login_url=_login_url(request, request.get_full_path()),
    )
    return TemplateResponse(request, "events/event_generator_page.html", context, status=status)


def generator_ical(request, page):
    form = GeneratorForm(request.GET)
    if not form.is_valid():
        return generator(request, page, form=form, status=400)
    programme = form.programme()
    body = ical.programme_calendar(programme, host=_host(request), url=request.build_absolute_uri())
    return _calendar_file(body, "programme.ics")


def generator_submit(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = GeneratorForm(request.POST)
    if not request.user.is_authenticated:
        return redirect(_login_url(request, f"{page.url}?{form.data.urlencode()}"))
    if not form.is_valid():
        return generator(request, page, form=form, status=400)
    try:
        proposal_submit(programme=form.programme(), user=request.user)
    except EventActionError as error:
        messages.error(request, error.message)
        return redirect(f"{page.url}?{form.data.urlencode()}")
    messages.success(request, _("Спасибо! Событие отправлено на модерацию: после проверки оно появится в календаре."))
    return redirect(page.url)


@never_cache
@login_required
def calendar_address(request):
    """The signed-in user's personal calendar address: make one (shown once), replace it, or turn it off."""
    key = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            if calendar_address_revoke(user=request.user):
                messages.success(
                    request, _("Адрес личного календаря отключён: приложения больше не получат по нему события.")
                )
            return redirect("events:calendar_address")
        key = calendar_address_issue(user=request.user)
    feed_url = request.build_absolute_uri(reverse("events:personal_feed", args=(key,))) if key else ""
    context = {
        "address": calendar_address_of(user=request.user),
        "feed_url": feed_url,
        "webcal_url": feed_url.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1),
    }
    return TemplateResponse(request, "events/calendar_address.html", context)


def personal_feed(request, key: str):
    """The events the key's owner may see, in iCalendar, their own registrations marked; read by calendar apps,
    which carry no session: the secret key in the address stands for the owner."""
    holder = calendar_address_holder(key=key)
    if holder is None:
        raise Http404(_("Такого адреса календаря нет: возможно, его заменили новым или отключили."))
    index = event_index_page()
    index_url = index.get_full_url(request) if index else ""
    events = ((event, event_url(index_url, event) if index_url else "") for event in event_list(user=holder))
    body = ical.events_calendar(
        events, name=_("Мой коворкинг: события"), host=_host(request), registered=event_ids_registered(user=holder)
    )
    response = _calendar_file(body, "my-events.ics")
    response["Cache-Control"] = "private, max-age=900"
    response["X-Robots-Tag"] = "noindex"
    return response
