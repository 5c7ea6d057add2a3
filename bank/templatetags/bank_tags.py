from django import template

from bank.selectors import solutions_featured

register = template.Library()


@register.simple_tag(takes_context=True)
def featured_solutions(context, count: int):
    """Featured or newest solutions the visitor may see; one set of queries per request, however many blocks."""
    request = context.get("request")
    if request is None:  # a block preview rendered without a request: what anonymous visitors see
        return solutions_featured(user=None, count=count)
    cache = request.__dict__.setdefault("_featured_solutions", {})
    if count not in cache:
        cache[count] = solutions_featured(user=getattr(request, "user", None), count=count)
    return cache[count]
