"""`{% expert_result page %}`: the published «Экспертная оценка» of an item, for any area's template."""

from django import template

from reviews.selectors import result_of

register = template.Library()


@register.inclusion_tag("reviews/includes/result.html")
def expert_result(item):
    return {"result": result_of(item)}
