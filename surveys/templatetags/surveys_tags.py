"""The survey's link on an event's or a programme's page, for its participants: the events and support
templates ask here, so that neither app imports this one."""

from django import template

from surveys.selectors import survey_after_event, survey_after_programme, survey_answered

register = template.Library()


def _link(user, survey) -> dict:
    return {"survey": survey, "answered": survey is not None and survey_answered(survey=survey, user=user)}


@register.inclusion_tag("surveys/includes/survey_link.html", takes_context=True)
def survey_after_event_link(context, event):
    user = context["request"].user
    return _link(user, survey_after_event(event=event, user=user))


@register.inclusion_tag("surveys/includes/survey_link.html", takes_context=True)
def survey_after_programme_link(context, programme):
    user = context["request"].user
    return _link(user, survey_after_programme(programme=programme, user=user))
