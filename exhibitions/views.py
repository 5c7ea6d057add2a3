"""The routes of the exhibition page: thin, reads come from `exhibitions.selectors`."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from exhibitions.selectors import exhibit_neighbours


def exhibit(request, page, exhibit_id: int) -> TemplateResponse:
    """One exhibit of the exhibition, with its hall and the way to the previous and next exhibits."""
    context = page.get_context(request)
    found = exhibit_neighbours(halls=context["halls"], exhibit_id=exhibit_id)
    if found is None:
        from exhibitions.models import Exhibit  # the models import these views

        # The language switch keeps `exhibit/<id>/` of the other language's exhibit: its translation here.
        translation = Exhibit.objects.filter(
            hall__page=page, translation_key__in=Exhibit.objects.filter(pk=exhibit_id).values("translation_key")
        ).first()
        if translation is None:
            raise Http404
        return redirect(page.url + page.reverse_subpage("exhibit", args=[translation.pk]))
    context.update(found)
    return TemplateResponse(request, "exhibitions/exhibit_page.html", context)
