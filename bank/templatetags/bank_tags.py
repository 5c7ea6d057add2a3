from django import template

from bank.forms import ReuseReportForm
from bank.selectors import solution_reuse, solutions_featured

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


@register.inclusion_tag("bank/includes/reuse.html", takes_context=True)
def solution_reuse_block(context, solution):
    """«Мы использовали это решение»: the count, the published stories, and the form for signed-in people."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {
        **solution_reuse(solution=solution),
        "solution": solution,
        "signed_in": bool(user and user.is_authenticated),
        "form": ReuseReportForm(),
        "request": request,
        "messages": context.get("messages"),
        "csrf_token": context.get("csrf_token"),
    }
