"""Reads of the support system: what a user may open, how far a resident has got, and the staff report.

Every read goes through `residents.selectors`, so the audiences hold in HTML, the API and search alike.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from pages.localized import localizing
from residents.selectors import User, can_view, pages_visible
from support.models.base import TargetGroup
from support.models.progress import ModuleProgress, ProgrammeCompletion
from support.models.topics import SupportTopic

SEARCH_RESULTS_LIMIT = 50


def programmes_visible(*, user: User, queryset: QuerySet) -> QuerySet:
    """Programmes of `queryset` that this user may open, in the order of the tree."""
    return pages_visible(queryset, user=user).order_by("path")


def may_track_progress(*, user: User, programme) -> bool:
    """A resident taking a programme: a logged-in user who may open the programme."""
    return bool(user is not None and user.is_authenticated and can_view(programme, user=user))


@dataclass(frozen=True)
class ProgrammeProgress:
    programme: object
    done_ids: frozenset[str]
    module_ids: tuple[str, ...]
    hours_done: int
    completed_at: datetime | None
    can_track: bool

    @property
    def done_count(self) -> int:
        return len(self.done_ids)

    @property
    def module_count(self) -> int:
        return len(self.module_ids)

    @property
    def percent(self) -> int:
        return round(100 * self.done_count / self.module_count) if self.module_count else 0


def _progress(programme, *, done: set[str], completed_at, can_track: bool) -> ProgrammeProgress:
    hours = dict(programme.module_hours())
    done_ids = frozenset(done & set(hours))
    hours_done = sum(hours[module_id] for module_id in done_ids)
    return ProgrammeProgress(programme, done_ids, tuple(hours), hours_done, completed_at, can_track)


def programme_progress(*, user: User, programme) -> ProgrammeProgress:
    """This resident's progress in one programme; modules removed from the programme no longer count."""
    if not may_track_progress(user=user, programme=programme):
        return _progress(programme, done=set(), completed_at=None, can_track=False)
    done = set(ModuleProgress.objects.filter(user=user, programme=programme).values_list("module_id", flat=True))
    completion = ProgrammeCompletion.objects.filter(user=user, programme=programme).first()
    return _progress(programme, done=done, completed_at=completion and completion.completed_at, can_track=True)


def progress_for_user(*, user: User, programmes: QuerySet) -> list[ProgrammeProgress]:
    """The user's progress in every programme of `programmes` they may open (three queries in all)."""
    if user is None or not user.is_authenticated:
        return []
    programmes = list(programmes_visible(user=user, queryset=programmes))
    done = defaultdict(set)
    for programme_id, module_id in ModuleProgress.objects.filter(
        user=user, programme__in=[page.pk for page in programmes]
    ).values_list("programme_id", "module_id"):
        done[programme_id].add(module_id)
    completed = dict(
        ProgrammeCompletion.objects.filter(user=user, programme__isnull=False).values_list(
            "programme_id", "completed_at"
        )
    )
    return [
        _progress(page, done=done[page.pk], completed_at=completed.get(page.pk), can_track=True) for page in programmes
    ]


def programmes_completed(*, user: User) -> QuerySet:
    """The programmes a resident has completed, newest first, for their profile."""
    if user is None or not user.is_authenticated:
        return ProgrammeCompletion.objects.none()
    return ProgrammeCompletion.objects.filter(user=user).order_by("-completed_at", "-pk")


@dataclass(frozen=True)
class CompletionRow:
    programme: object
    started: int
    completed: int
    modules_done: int

    @property
    def completion_percent(self) -> int:
        return round(100 * self.completed / self.started) if self.started else 0


def completion_report(*, programmes: QuerySet) -> list[CompletionRow]:
    """For staff: per programme, how many residents started it and how many completed it."""
    programmes = list(programmes.order_by("path"))
    ids = [page.pk for page in programmes]
    started = dict(
        ModuleProgress.objects.filter(programme__in=ids)
        .values("programme")
        .annotate(users=Count("user", distinct=True))
        .values_list("programme", "users")
    )
    modules = dict(
        ModuleProgress.objects.filter(programme__in=ids)
        .values("programme")
        .annotate(done=Count("pk"))
        .values_list("programme", "done")
    )
    completed = dict(
        ProgrammeCompletion.objects.filter(programme__in=ids)
        .values("programme")
        .annotate(users=Count("user", distinct=True))
        .values_list("programme", "users")
    )
    return [
        CompletionRow(page, started.get(page.pk, 0), completed.get(page.pk, 0), modules.get(page.pk, 0))
        for page in programmes
    ]


@dataclass
class MaterialFilters:
    """The library's filters, read from the query string; a value that is not offered is reported."""

    group: str = ""
    topic: str = ""
    query: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # by filter: "group", "topic"

    @classmethod
    def from_query(cls, params) -> "MaterialFilters":
        filters = cls(query=(params.get("q") or "").strip()[:200])
        group = (params.get("group") or "").strip()
        if group and group not in TargetGroup.values:
            filters.errors["group"] = _("Такой группы нет; показаны материалы для всех групп.")
        else:
            filters.group = group
        topic = (params.get("topic") or "").strip()
        if topic and not SupportTopic.objects.filter(slug=topic).exists():
            filters.errors["topic"] = _("Такой темы нет; показаны материалы по всем темам.")
        else:
            filters.topic = topic
        return filters

    @property
    def active(self) -> bool:
        return bool(self.group or self.topic or self.query)


def topics_all() -> list[SupportTopic]:
    """The topics of the library's filter, named and ordered in the reader's language (the Russian rows, which
    the materials point at; their slugs are shared with the translations)."""
    return sorted(localizing(SupportTopic.objects.all()), key=lambda topic: (topic.name.casefold(), topic.pk))


def topics_of_materials() -> Prefetch:
    """The materials' topics, named in the reader's language in the same query."""
    return Prefetch("topics", queryset=localizing(SupportTopic.objects.order_by("name")))


def topic_exists(*, slug: str) -> bool:
    return SupportTopic.objects.filter(slug=slug).exists()


def materials_filtered(materials: QuerySet, *, group: str = "", topic: str = "") -> QuerySet:
    if group:
        materials = materials.filter(**{f"for_{group}": True})
    if topic:
        materials = materials.filter(topics__slug=topic)
    return materials


def _search_ids(queryset: QuerySet, query: str) -> list[int]:
    return [page.pk for page in queryset.search(query, operator="and")[:SEARCH_RESULTS_LIMIT]]


def materials_search(*, user: User, materials: QuerySet, programmes: QuerySet, filters: MaterialFilters) -> dict:
    """The library's results: visible materials by group and topic; with a query, the programmes of the
    support system that match it too."""
    visible = materials_found(
        user=user, materials=materials, group=filters.group, topic=filters.topic, query=filters.query
    )
    found_programmes = []
    if filters.query:
        candidates = pages_visible(programmes, user=user)
        found_programmes = list(candidates.filter(pk__in=_search_ids(candidates, filters.query)).order_by("path"))
    return {"materials": list(visible), "found_programmes": found_programmes}


def materials_found(*, user: User, materials: QuerySet, group: str = "", topic: str = "", query: str = "") -> QuerySet:
    """The materials of `materials` this user may open, by group and topic and, with a query, found by its
    words; in title order, with their topics."""
    found = materials_filtered(pages_visible(materials, user=user), group=group, topic=topic)
    if query:
        found = found.filter(pk__in=_search_ids(pages_visible(materials, user=user), query))
    return found.distinct().order_by("title", "pk").prefetch_related(topics_of_materials())


def module_materials_visible(*, programme, user: User) -> set[int]:
    """Ids of the materials named in the programme's modules that this user may open (one query)."""
    ids = {
        material.pk
        for block in programme.modules
        if block.block_type == "module"
        for material in block.value.get("materials") or []
        if material
    }
    if not ids:
        return set()
    materials = apps.get_model("support", "MaterialPage").objects.filter(pk__in=ids)
    return set(pages_visible(materials, user=user).values_list("pk", flat=True))


@dataclass(frozen=True)
class ProgrammeModule:
    """A module of a programme as a reader sees it: only the materials this reader may open are named."""

    id: str
    title: str
    hours: int
    topics: list[str]
    outcomes: list[str]
    material_ids: list[int]


def programme_modules(*, programme, user: User) -> list[ProgrammeModule]:
    """The modules of a programme in order, each with the ids of its materials this user may open (one query)."""
    visible = module_materials_visible(programme=programme, user=user)
    return [
        ProgrammeModule(
            id=block.id,
            title=block.value["title"],
            hours=block.value["hours"],
            topics=list(block.value["topics"]),
            outcomes=list(block.value["outcomes"]),
            material_ids=[material.pk for material in block.value["materials"] if material and material.pk in visible],
        )
        for block in programme.modules
        if block.block_type == "module"
    ]
