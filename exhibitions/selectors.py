"""Reads of exhibitions, each a fixed number of queries whatever the number of halls and exhibits.

Which exhibitions a visitor sees is always decided by `residents.selectors.pages_visible`, in every channel:
the exhibitions list, the landing, API v2 and API v3. The callers pass the exhibition queryset in, so this
module needs no import of the page models (which call it).
"""

from datetime import date

from django.apps import apps
from django.db.models import OuterRef, Prefetch, Q, QuerySet
from django.http import HttpRequest

from pages.selectors import pages_in_reading_language
from residents.selectors import User, name_consent_missing, pages_linked, pages_visible

# Rendition filters that listings prefetch, so that `{% image %}` and the API read no more rows.
CARD_RENDITION = "fill-480x320"
EXHIBIT_RENDITIONS = ("fill-480x360", "max-1600x1200")


def exhibitions_visible(*, queryset: QuerySet, user: User) -> QuerySet:
    """Live exhibitions this user may see, newest opening first, with what their cards show."""
    return (
        pages_visible(queryset, user=user)
        .select_related("cover_image", "curator")
        .prefetch_related("cover_image__renditions")
        .order_by("-opens_on", "title", "pk")
    )


def exhibitions_open_on(queryset: QuerySet, *, day: date) -> QuerySet:
    return queryset.filter(Q(closes_on__isnull=True) | Q(closes_on__gte=day), opens_on__lte=day)


def exhibitions_with_status(queryset: QuerySet, *, status: str | None, today: date) -> QuerySet:
    """Exhibitions open on `today` ("open"), opening later ("coming") or closed before it ("past"); all of them
    without a status."""
    if status == "open":
        return exhibitions_open_on(queryset, day=today)
    if status == "coming":
        return queryset.filter(opens_on__gt=today)
    if status == "past":
        return queryset.filter(closes_on__lt=today)
    return queryset


def exhibitions_by_status(*, queryset: QuerySet, user: User, today: date) -> dict[str, list]:
    """The visible exhibitions of an index page, as "open now", "coming" and "past" groups."""
    groups = {"open": [], "coming": [], "past": []}
    for page in exhibitions_visible(queryset=queryset, user=user):
        if page.opens_on > today:
            groups["coming"].append(page)
        elif page.is_open(today):
            groups["open"].append(page)
        else:
            groups["past"].append(page)
    groups["open"].reverse()  # longest running first
    return groups


def exhibitions_current(*, queryset: QuerySet, user: User, today: date, limit: int) -> list:
    """Exhibitions open today that this user may see, in the language being read, the first opened leading.

    One query: the landing shows them as text cards, within its fixed budget of queries.
    """
    visible = pages_in_reading_language(pages_visible(queryset, user=user))
    return list(exhibitions_open_on(visible, day=today).order_by("opens_on", "title", "pk")[:limit])


def exhibition_halls(*, page, request: HttpRequest | None = None, full_urls: bool = False) -> list:
    """The halls of an exhibition with their exhibits in order; each exhibit gets its `url`, its `number`
    (`full_urls`: absolute addresses, as the API gives them) and its `linked_solution`, the solution page in
    the bank if the visitor may open it (one query for all of them).

    A preview works on an unsaved revision whose halls live in memory: those are read as they are.
    """
    halls = page.halls.all()
    if isinstance(halls, QuerySet):
        exhibit_model = halls.model._meta.get_field("exhibits").related_model
        linked_students = exhibit_model.author_residents.through.objects.filter(exhibit=OuterRef("pk"))
        exhibits = (
            exhibit_model.objects.select_related("image", "document", "solution")
            .prefetch_related("image__renditions")
            .annotate(authors_withheld=name_consent_missing(linked_students))
        )
        halls = halls.prefetch_related(Prefetch("exhibits", queryset=exhibits))
    halls = list(halls)
    base_url = (page.get_full_url(request=request) if full_urls else page.get_url(request=request)) or ""
    number = 0
    for hall in halls:
        for exhibit in hall.exhibits.all():
            number += 1
            exhibit.number = number
            exhibit.url = f"{base_url}{page.reverse_subpage('exhibit', args=[exhibit.pk])}" if exhibit.pk else ""
    exhibits = exhibit_sequence(halls=halls)
    solutions = pages_linked([exhibit.solution for exhibit in exhibits], user=getattr(request, "user", None))
    for exhibit in exhibits:
        exhibit.linked_solution = exhibit.solution if exhibit.solution in solutions else None
    return halls


def exhibit_sequence(*, halls: list) -> list:
    """Every exhibit of the exhibition in visiting order: hall by hall, as the editor arranged them."""
    return [exhibit for hall in halls for exhibit in hall.exhibits.all()]


def exhibit_neighbours(*, halls: list, exhibit_id: int) -> dict | None:
    """One exhibit with its hall, its previous and next exhibits and the count, or None when it is not here."""
    sequence = exhibit_sequence(halls=halls)
    for position, exhibit in enumerate(sequence):
        if exhibit.pk == exhibit_id:
            return {
                "exhibit": exhibit,
                "hall": next(hall for hall in halls if exhibit in hall.exhibits.all()),
                "previous_exhibit": sequence[position - 1] if position > 0 else None,
                "next_exhibit": sequence[position + 1] if position + 1 < len(sequence) else None,
                "exhibit_count": len(sequence),
            }
    return None


def exhibit_translation_id(*, page, exhibit_id: int) -> int | None:
    """The id of this page's version of an exhibit of another language (the language switch keeps the end of the
    address, `exhibit/<id>/`, whose id is the other language's), or None."""
    exhibits = apps.get_model("exhibitions", "Exhibit").objects
    return (
        exhibits.filter(hall__page=page, translation_key__in=exhibits.filter(pk=exhibit_id).values("translation_key"))
        .values_list("pk", flat=True)
        .first()
    )
