"""Querysets that both APIs can hand to the search backend.

The search backend translates a queryset's filters into its own, and knows only plain lookups on indexed
fields: a filter built from `Exists` or a negated expression (the files' access rule) makes it fail. A
visible set is therefore passed on as `id IN (the visible ids)`, which every backend reads (`id` is a
FilterField of images and documents), whatever the rule that chose them.
"""

from django.db.models import QuerySet


def searchable(queryset: QuerySet) -> QuerySet:
    return queryset.model._default_manager.filter(pk__in=queryset.values("pk"))
