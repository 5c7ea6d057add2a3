"""The routes of the exhibition page: thin, reads come from `exhibitions.selectors`."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from exhibitions.selectors import exhibit_neighbours, exhibit_translation_id


def exhibit(request, page, exhibit_id: int) -> TemplateResponse:
    """One exhibit of the exhibition, with its hall and the way to the previous and next exhibits."""
    context = page.get_context(request)
    found = exhibit_neighbours(halls=context["halls"], exhibit_id=exhibit_id)
    if found is None:
        # The language switch keeps `exhibit/<id>/` of the other language's exhibit: its translation here.
        translation_id = exhibit_translation_id(page=page, exhibit_id=exhibit_id)
        if translation_id is None:
            raise Http404
        return redirect(page.url + page.reverse_subpage("exhibit", args=[translation_id]))
    context.update(found)
    return TemplateResponse(request, "exhibitions/exhibit_page.html", context)
