"""Who may see what. Every channel (HTML, API, search, feeds, files) asks these selectors before it shows
a page or a snippet, so the rule of the regulations lives in one place."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from residents.audiences import Audience

User = AbstractBaseUser | AnonymousUser | None


def visible_audiences(*, user: User) -> set[str]:
    """The audiences whose content this user may see right now."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {Audience.EVERYONE}
    if user.is_staff:
        return set(Audience.values)
    return {Audience.EVERYONE}


def visible_pages(queryset: QuerySet, *, user: User) -> QuerySet:
    """Live pages of `queryset` whose audience this user may see (the queryset's model has `audience`)."""
    return queryset.live().filter(audience__in=visible_audiences(user=user))


def visible_items(queryset: QuerySet, *, user: User) -> QuerySet:
    """Snippets with an `audience` field, live ones only where the model has drafts."""
    if hasattr(queryset.model, "live"):
        queryset = queryset.filter(live=True)
    return queryset.filter(audience__in=visible_audiences(user=user))


def can_view(item, *, user: User) -> bool:
    """Whether this user may see one page or snippet that has an `audience` field."""
    if getattr(item, "live", True) is False:
        return False
    return item.audience in visible_audiences(user=user)
