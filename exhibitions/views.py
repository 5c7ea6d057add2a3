"""The routes of the exhibition page: thin, reads come from `exhibitions.selectors`."""

from django.http import Http404
from django.template.response import TemplateResponse

from exhibitions.selectors import exhibit_neighbours


def exhibit(request, page, exhibit_id: int) -> TemplateResponse:
    """One exhibit of the exhibition, with its hall and the way to the previous and next exhibits."""
    context = page.get_context(request)
    found = exhibit_neighbours(halls=context["halls"], exhibit_id=exhibit_id)
    if found is None:
        raise Http404
    context.update(found)
    return TemplateResponse(request, "exhibitions/exhibit_page.html", context)
