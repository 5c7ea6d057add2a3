"""Who may see what. Every channel (HTML, API, search, feeds, files) asks these selectors before it shows
a page or a snippet, so the rule of the regulations lives in one place.

A user's access is read once per user object (one query) and kept on it: `request.user` is loaded anew
on every request, so a suspension or an expired contract takes effect from the next request on.
"""

import datetime
import functools
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from residents import request_cache
from residents.audiences import Audience
from residents.models import Consent, ConsentPurpose, Membership, Suspension, Tier

User = AbstractBaseUser | AnonymousUser | None

EVERYONE = frozenset({Audience.EVERYONE})
EXTERNAL = frozenset({Audience.EVERYONE, Audience.RESIDENTS})
INTERNAL = frozenset({Audience.EVERYONE, Audience.RESIDENTS, Audience.INTERNAL})
STAFF = frozenset(Audience.values)

CACHE_ATTRIBUTE = "_residents_access"
LINKED_ATTRIBUTE = "_residents_pages_linked"
REQUEST_KEY = "residents:request"


@dataclass(frozen=True)
class Access:
    """What one user may see today, and why not more."""

    audiences: frozenset
    membership: object | None = None
    suspension_id: int | None = None
    contract_expired: bool = False
    day: datetime.date | None = None

    @property
    def is_resident(self) -> bool:
        return Audience.RESIDENTS in self.audiences and self.membership is not None

    @property
    def is_suspended(self) -> bool:
        return self.suspension_id is not None

    @property
    def is_refused_resident(self) -> bool:
        """A member who is treated as a non-resident: suspended, or their partner's contract has ended."""
        return self.membership is not None and (self.is_suspended or self.contract_expired)

    @property
    def suspension(self):
        if self.suspension_id is None:
            return None
        return Suspension.objects.get(pk=self.suspension_id)


def _compute_access(user) -> Access:
    day = timezone.localdate()
    if user is None or not user.is_authenticated or not user.is_active:
        return Access(EVERYONE, day=day)
    if user.is_staff:
        return Access(STAFF, day=day)
    active = Suspension.objects.active_on(day).filter(membership=OuterRef("pk")).order_by("-starts_on")
    membership = (
        Membership.objects.select_related("partner")
        .annotate(active_suspension_id=Subquery(active.values("pk")[:1]))
        .filter(user_id=user.pk)
        .first()
    )
    if membership is None:
        return Access(EVERYONE, day=day)
    expired = membership.tier == Tier.EXTERNAL and not (
        membership.partner_id and membership.partner.contract_valid_on(day)
    )
    suspension_id = membership.active_suspension_id
    if expired or suspension_id:
        return Access(EVERYONE, membership, suspension_id, expired, day)
    audiences = INTERNAL if membership.tier == Tier.INTERNAL else EXTERNAL
    return Access(audiences, membership, None, False, day)


def access_for(*, user: User) -> Access:
    """The user's access today, computed at most once per user object (one query)."""
    if user is None or not user.is_authenticated:
        return _compute_access(None)
    cached = getattr(user, CACHE_ATTRIBUTE, None)
    if cached is not None and cached.day == timezone.localdate():
        return cached
    access = _compute_access(user)
    setattr(user, CACHE_ATTRIBUTE, access)
    return access


def access_forget(user) -> None:
    """Drops the cached access of a user object, after a decision changed it within the same request."""
    for attribute in (CACHE_ATTRIBUTE, LINKED_ATTRIBUTE):
        if user is not None and hasattr(user, attribute):
            delattr(user, attribute)


def audiences_visible(*, user: User) -> set[str]:
    """The audiences whose content this user may see right now."""
    return set(access_for(user=user).audiences)


def _has_audience(model) -> bool:
    try:
        field = model._meta.get_field("audience")
    except Exception:  # noqa: BLE001 (FieldDoesNotExist and the like: the model has no audience)
        return False
    return field.concrete


@functools.cache
def audience_models() -> tuple:
    """Concrete models that carry an audience (page types and snippets), each once."""
    return tuple(
        model
        for model in apps.get_models()
        if _has_audience(model) and not model._meta.proxy and model._meta.get_field("audience").model is model
    )


def _restricted_pk_q(model, audiences, field: str = "pk") -> Q:
    """Q matching rows of a generic table (pages, references) whose object has an audience outside `audiences`."""
    q = Q()
    for audience_model in audience_models():
        if not issubclass(audience_model, model):
            continue
        q |= Q(**{f"{field}__in": audience_model._default_manager.exclude(audience__in=audiences).values("pk")})
    return q


def _restrictions_failed(model, *, user: User) -> QuerySet:
    """Wagtail view restrictions (of pages or collections) that this user does not pass, as Wagtail decides
    when it serves a page: a login restriction is passed by anyone signed in, a group restriction by the
    groups' members and superusers, a password restriction by the user whose session holds Wagtail's pass for
    it (see `session_passes`)."""
    restrictions = model.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return restrictions
    passes = session_passes(model, user=user)
    if passes:
        restrictions = restrictions.exclude(pk__in=passes)
    passed = Q(restriction_type=BaseViewRestriction.LOGIN)
    if user.is_superuser:
        passed |= Q(restriction_type=BaseViewRestriction.GROUPS)
    else:
        passed |= Q(restriction_type=BaseViewRestriction.GROUPS, groups__in=user.groups.values("pk"))
    return restrictions.exclude(pk__in=model.objects.filter(passed).values("pk"))


def session_passes(model, *, user: User) -> list[int]:
    """The view restrictions of `model` whose password this user entered in the site's password form: Wagtail
    keeps them in the session, so every channel of the same session (the APIs read from the browser) lets the
    user in as the page does. Only for the session's own signed-in user: a request with a bearer token, or an
    anonymous one, has no pass."""
    request = request_cache.remembered(REQUEST_KEY, None)
    if request is None or user is None or not user.is_authenticated or "Authorization" in request.headers:
        return []
    session = getattr(request, "session", None)
    if session is None or session.get(SESSION_KEY) != str(user.pk):
        return []
    return [pk for pk in session.get(model.passed_view_restrictions_session_key, []) if isinstance(pk, int)]


def _private_to(user: User, *, model=PageViewRestriction, path: str = "path") -> Exists:
    """True for a page (`path`) or a file (`collection__path`) at or below a view restriction of `model` that
    this user does not pass. Read from the database on every call, so a new restriction applies from the next
    request in every process."""
    field = "page__path" if model is PageViewRestriction else "collection__path"
    restrictions = _restrictions_failed(model, user=user).filter(**{field: Substr(OuterRef(path), 1, Length(F(field)))})
    return Exists(restrictions)


def pages_visible(queryset: QuerySet, *, user: User) -> QuerySet:
    """Live pages of `queryset` that this user may see: the page's audience, and Wagtail's own privacy (a login,
    group or password restriction on the page or an ancestor). The queryset may be of a specific page type
    (it has `audience`) or of Wagtail's `Page` (each page's own type decides)."""
    queryset = queryset.live().exclude(pk__in=Page.objects.filter(_private_to(user)).values("pk"))
    audiences = audiences_visible(user=user)
    if audiences >= set(STAFF):
        return queryset
    if _has_audience(queryset.model):
        return queryset.filter(audience__in=audiences)
    restricted = _restricted_pk_q(queryset.model, audiences)
    return queryset.exclude(restricted) if restricted else queryset


def pages_linked(pages, *, user: User) -> list:
    """The pages of a list of links inside an item (related pages, chosen pages, featured items) that this user
    may see, in their order; None entries and pages the user may not see are dropped. One query for the pages
    not asked about before for the same user object (a new one on each request)."""
    pages = [page for page in pages if page is not None]
    known = _linked_known(user)
    unknown = {page.pk for page in pages} - known.keys()
    if unknown:
        shown = set(pages_visible(Page.objects.filter(pk__in=unknown), user=user).values_list("pk", flat=True))
        known.update({pk: pk in shown for pk in unknown})
    return [page for page in pages if known[page.pk]]


def pages_read_for_links(ids, *, user: User) -> dict:
    """The pages of these ids, and whether this user may see each, in one query: what `pages_linked` asks
    about them later in the request is then known (a page's links, read before its blocks are rendered)."""
    visible = pages_visible(Page.objects.filter(pk__in=ids), user=user).values("pk")
    pages = Page.objects.filter(pk__in=ids).annotate(readable=Exists(visible.filter(pk=OuterRef("pk"))))
    found = {page.pk: page for page in pages}
    _linked_known(user).update({pk: page.readable for pk, page in found.items()})
    return found


def _linked_known(user: User) -> dict:
    """Which linked pages this user object may see, as already decided during its request."""
    if user is None:
        return {}
    known = getattr(user, LINKED_ATTRIBUTE, None)
    if known is None:
        known = {}
        setattr(user, LINKED_ATTRIBUTE, known)
    return known


def page_linked(page, *, user: User):
    """One linked page if this user may see it, else None."""
    linked = pages_linked([page], user=user)
    return linked[0] if linked else None


def items_visible(queryset: QuerySet, *, user: User) -> QuerySet:
    """Snippets with an `audience` field, live ones only where the model has drafts."""
    if hasattr(queryset.model, "live"):
        queryset = queryset.filter(live=True)
    return queryset.filter(audience__in=audiences_visible(user=user))


def can_view(item, *, user: User, privacy: bool = True) -> bool:
    """Whether this user may see one page or snippet: live, of an audience open to the user and, for a page,
    outside every view restriction the user does not pass. `privacy=False` leaves Wagtail's view restrictions
    to Wagtail's own page serving, which asks for the password or the login itself."""
    if getattr(item, "live", True) is False:
        return False
    if getattr(item, "audience", Audience.EVERYONE) not in audiences_visible(user=user):
        return False
    if privacy and isinstance(item, Page):
        return not Page.objects.filter(pk=item.pk).filter(_private_to(user)).exists()
    return True


def files_visible(queryset: QuerySet, *, user: User) -> QuerySet:
    """Documents or images that this user may download. Their collection's view restriction must let the user
    in (Wagtail applies it to documents; here images too), and a file follows the content that uses it
    (Wagtail's reference index): a file used by nothing, or by at least one page or item this user may see
    (audience, page privacy, publication), is visible; a file used only by content the user may not see is
    not, so a file of a password-protected page is nobody's outside that page."""
    return _files_used_visibly(
        queryset.exclude(_private_to(user, model=CollectionViewRestriction, path="collection__path")), user=user
    )


def _files_used_visibly(queryset: QuerySet, *, user: User) -> QuerySet:
    """Files used by nothing, or by at least one page or item this user may see."""
    references = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(queryset.model),
        to_object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    hidden = Q(content_type__in=_content_types_of(Page)) & ~Q(
        object_id__in=_pk_texts(pages_visible(Page.objects.all(), user=user))
    )
    for model in audience_models():
        if not issubclass(model, Page):
            hidden |= Q(content_type__in=_content_types_of(model)) & ~Q(
                object_id__in=_pk_texts(items_visible(model._default_manager.all(), user=user))
            )
    return queryset.filter(~Exists(references) | Exists(references.exclude(hidden)))


def _pk_texts(queryset: QuerySet) -> QuerySet:
    """The primary keys as text, as the reference index stores object ids."""
    return queryset.annotate(pk_text=Cast("pk", output_field=CharField())).values("pk_text")


def _content_types_of(model) -> list[int]:
    """The content types whose rows are of `model` or its subclasses (a page's specific type is recorded)."""
    return [
        ContentType.objects.get_for_model(candidate).pk
        for candidate in apps.get_models()
        if issubclass(candidate, model) and not candidate._meta.proxy
    ]


def can_download(file, *, user: User, privacy: bool = True) -> bool:
    """Whether this user may download a document or an image file. Editors who work in the admin may download
    every file they can reach there (the admin's own permissions and collection privacy still apply).
    `privacy=False` leaves the collection's view restriction to Wagtail's document serving, which asks for the
    password or the login itself."""
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return True
    files = type(file)._default_manager.filter(pk=file.pk)
    if not privacy:
        return _files_used_visibly(files, user=user).exists()
    return files_visible(files, user=user).exists()


TEAM_MEMBER_LABEL = gettext_lazy("Участник команды")
AUTHORS_LABEL = gettext_lazy("Участники команды")


def name_consent_exists(user_ref: str = "user_id") -> Exists:
    """For `annotate(name_consented=...)` on memberships (or on rows with a user, `user_ref` naming it): whether
    a consent to publish the person's name is in force now, read in the same query; `name_consent_in_force`
    then reads the annotation instead of a query per person."""
    consents = Consent.objects.in_force().filter(
        purpose=ConsentPurpose.PUBLISH_NAME, membership__user=OuterRef(user_ref)
    )
    return Exists(consents)


def name_consent_missing(rows: QuerySet, membership_field: str = "membership") -> Exists:
    """For `annotate`: whether any of these rows (those of the outer row, e.g. an exhibit's linked students)
    names a membership without a consent to publish the name in force now, read in the same query."""
    consented = Membership.objects.filter(name_consent_exists())
    return Exists(rows.exclude(**{f"{membership_field}__in": consented}))


def name_consent_in_force(membership) -> bool:
    """Whether a consent to publish this person's name is in force now (annotated by `name_consent_exists`, or
    read)."""
    if membership is None:
        return False
    annotated = getattr(membership, "name_consented", None)
    if annotated is not None:
        return annotated
    return membership.consents.in_force().filter(purpose=ConsentPurpose.PUBLISH_NAME).exists()


def membership_published_name(membership) -> str:
    """The only thing about a student that may leave the server: the display name an editor published,
    while a consent to publish the name is in force. Empty otherwise."""
    if not membership.public_name:
        return ""
    return membership.public_name if name_consent_in_force(membership) else ""


def names_consented(membership_ids) -> set[int]:
    """Of these memberships, those with a consent to publish the name in force now (one query, none for none)."""
    membership_ids = {pk for pk in membership_ids if pk is not None}
    if not membership_ids:
        return set()
    consents = Consent.objects.in_force().filter(purpose=ConsentPurpose.PUBLISH_NAME, membership_id__in=membership_ids)
    return set(consents.values_list("membership_id", flat=True))


def student_names_published(entries) -> list[str]:
    """How the students that an editor named for a publication (a bank team) appear, from `(display name,
    publication ticked, membership id or None)` entries in their order. A name is shown only when the editor
    ticked its publication and, for a student linked to their account, a consent to publish the name is in
    force now, so a withdrawn consent hides the name everywhere from the next request on: «Участник команды»
    stands in its place. Without a linked account the editor's tick is the only record (a paper consent of a
    former student). Names the editor did not tick are left out."""
    entries = [(name, membership_id) for name, ticked, membership_id in entries if ticked]
    consented = names_consented(membership_id for _name, membership_id in entries)
    return [
        name if membership_id is None or membership_id in consented else str(TEAM_MEMBER_LABEL)
        for name, membership_id in entries
    ]
