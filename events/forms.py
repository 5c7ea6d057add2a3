"""Forms of the event pages: listing filters and the project event generator."""

from collections import defaultdict
from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from events.generator import MAX_DURATION, MAX_PARTICIPANTS, MIN_DURATION, Programme, programme_build
from events.models.events import CALENDAR_YEARS, EVENT_TIME_ZONE, EventKind
from events.models.formats import EventFormat
from events.selectors import EventFilters
from pages.localized import localize, localizing


def year_out_of_range() -> str:
    return _("Год — от %(first)s до %(last)s.") % {"first": CALENDAR_YEARS[0], "last": CALENDAR_YEARS[-1]}


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Вид"), required=False)
    format = forms.ChoiceField(label=_("Формат"), required=False)
    audience = forms.ChoiceField(label=_("Для кого"), required=False)
    month = forms.CharField(
        label=_("Месяц"), required=False, widget=forms.DateInput(attrs={"type": "month", "placeholder": "2025-03"})
    )

    def __init__(self, *args, formats: list[tuple[str, str]], audiences: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        anything = [("", _("любой"))]
        self.fields["kind"].choices = anything + list(EventKind.choices)
        self.fields["format"].choices = anything + formats
        self.fields["audience"].choices = anything + audiences

    def clean_month(self) -> date | None:
        value = self.cleaned_data.get("month")
        if not value:
            return None
        try:
            month = datetime.strptime(value, "%Y-%m").date()
        except ValueError as error:
            raise forms.ValidationError(_("Укажите месяц в виде ГГГГ-ММ, например 2025-03.")) from error
        if month.year not in CALENDAR_YEARS:
            raise forms.ValidationError(year_out_of_range())
        return month

    def filters(self) -> EventFilters:
        if not self.is_valid():
            return EventFilters()
        data = self.cleaned_data
        return EventFilters(data["kind"], data["format"], data["audience"], data["month"])


class GeneratorForm(forms.Form):
    event_format = forms.ModelChoiceField(
        label=_("Формат"),
        queryset=EventFormat.objects.order_by("name"),
        to_field_name="slug",
        empty_label=None,
        error_messages={"invalid_choice": _("Такого формата нет: выберите формат из списка.")},
    )
    topic = forms.CharField(label=_("Тема"), max_length=200)
    # Browsers' date and time inputs take ISO values whatever the language of the page.
    date = forms.DateField(label=_("Дата"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    time = forms.TimeField(
        label=_("Начало (московское время)"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration = forms.IntegerField(
        label=_("Продолжительность, минут"),
        min_value=MIN_DURATION,
        max_value=MAX_DURATION,
        error_messages={
            "min_value": _("Продолжительность — не меньше %(limit_value)s минут."),
            "max_value": _("Продолжительность — не больше %(limit_value)s минут (трое суток)."),
        },
    )
    participants = forms.IntegerField(
        label=_("Участников"),
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        error_messages={"max_value": _("Участников — не больше %(limit_value)s.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_format"].queryset = localizing(EventFormat.objects.order_by("name"))

    def clean_date(self) -> date:
        value = self.cleaned_data["date"]
        if value.year not in CALENDAR_YEARS:
            raise forms.ValidationError(year_out_of_range())
        return value

    def clean(self):
        data = super().clean()
        event_format, duration = data.get("event_format"), data.get("duration")
        if event_format and duration and duration < event_format.steps.count():
            self.add_error(
                "duration",
                _("В формате «%(name)s» %(count)s шагов: нужна хотя бы минута на каждый.")
                % {"name": event_format.name, "count": event_format.steps.count()},
            )
        return data

    def start(self) -> datetime:
        return datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"], tzinfo=EVENT_TIME_ZONE)

    def programme(self) -> Programme:
        data = self.cleaned_data
        return programme_build(
            event_format=localize([data["event_format"]], children=("steps", "roles"))[0],
            topic=data["topic"],
            start=self.start(),
            duration=data["duration"],
            participants=data["participants"],
        )


# The API names the generator's choices after the programme (`format`, `start`), the page's form after its inputs.
API_FIELD_NAMES = {"event_format": "format", "date": "start", "time": "start"}


def generator_programme(
    *, format_slug: str, topic: str, start: datetime, duration: int, participants: int
) -> Programme:
    """The programme an API client asks for, checked by the generator page's own form, so that the page and the
    API refuse the same choices with the same messages. A `start` without an offset is Moscow time.

    Raises `ValidationError` with the messages under the API's field names."""
    if start.year not in CALENDAR_YEARS:
        raise ValidationError({"start": [year_out_of_range()]})
    start = (start if start.tzinfo else start.replace(tzinfo=EVENT_TIME_ZONE)).astimezone(EVENT_TIME_ZONE)
    form = GeneratorForm(
        {
            "event_format": format_slug,
            "topic": topic,
            "date": start.date(),
            "time": start.time(),
            "duration": duration,
            "participants": participants,
        }
    )
    if not form.is_valid():
        errors = defaultdict(list)
        for name, field_errors in form.errors.as_data().items():
            errors[API_FIELD_NAMES.get(name, name)].extend(field_errors)
        raise ValidationError(dict(errors))
    return form.programme()
