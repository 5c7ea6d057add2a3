"""Whole pages for anonymous visitors, from the cache, purged when what they show changes (issue 16, item 4).

A page an anonymous visitor asks for is answered from the default cache (Redis with `REDIS_URL`) when it is
there, before anything else of the request is done. It is keyed by its scheme, host, path and query string,
the language, the low-vision switch and whether the client takes gzip.

While a missing page is made, the objects it reads are recorded as tags: every model instance created from a
database row (`post_init`: a page as `p:<id>`, anything else as `<app>.<model>:<pk>`) and every table read by
a query that is not a look-up of one row by its primary key (`t:<table>`: a list, which a new row may join).
The page is stored with each of its tags pointing at it. A change purges the pages of its tags:

- a page published, unpublished, moved or deleted: the page, its parent (which lists its children) and the
  lists of its type;
- any other row saved or deleted (an event, a solution's snippet, a setting, an exhibit, an image): the pages
  that read that row, and the lists of its table;
- a view restriction added, changed or removed: every page.

Never stored: a request with a session cookie or an `Authorization` header (a signed-in reader), an answer
that is not a 200 HTML page, one that sets a cookie, uses the CSRF token (a form), or is marked private, so a
restricted page is not (it answers with a login or a password form). Such answers to anonymous visitors are
marked `Cache-Control: private`; a page that may be stored is `public` with `s-maxage`, so that an edge cache
(Varnish, deploy/varnish/default.vcl) keeps it as long, and the same purge reaches it through
`wagtail.contrib.frontend_cache` when `FRONTEND_CACHE_URL` is set.

The cache must be shared by every process (Redis, or the test suite's one process): with local memory per
worker a purge would reach one worker only, so the page cache is off then. `PAGE_CACHE_SECONDS` (default 300)
bounds how long a page is kept, and so how late a list that depends on the time (upcoming events) may be;
0 turns the page cache off.
"""

import gzip
import hashlib
import re
import threading
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.accessibility import low_vision_settings
from residents import request_cache

KEY_PREFIX = "pagecache:"
ALL = "all"
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/account/", "/projects/", "/i18n/", "/low-vision/")
SKIPPED_PREFIXES += tuple(
    f"/{code}{prefix}" for code, _name in settings.LANGUAGES for prefix in ("/account/", "/projects/")
)
# Writes that change no page: caches, logs, sessions, search index, revisions and workflow states.
IGNORED_APPS = {"sessions", "axes", "admin", "contenttypes", "auth", "wagtailsearch", "wagtailadmin", "wagtailusers"}
IGNORED_MODELS = {
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
}
ONE_ROW = re.compile(r'WHERE \(?"\w+"\."(?:id|\w+_ptr_id)" = %s\)?(?: LIMIT \d+)?$')
TABLES = re.compile(r'(?:FROM|JOIN) "(\w+)"')

_recording: ContextVar[set | None] = ContextVar("page_cache_tags", default=None)
_lock = threading.Lock()


def seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 300)


def enabled() -> bool:
    return seconds() > 0 and request_cache.cache_is_shared()


# --- what a page reads ---------------------------------------------------------------------------------------


def instance_tag(instance) -> str:
    if isinstance(instance, Page):
        return f"p:{instance.pk}"
    return f"{instance._meta.label_lower}:{instance.pk}"


def _record_instance(sender, instance, **kwargs):
    tags = _recording.get()
    if tags is not None and instance.pk is not None:
        tags.add(instance_tag(instance))


def _record_tables(execute, sql, params, many, context):
    tags = _recording.get()
    if tags is not None and sql.lstrip().startswith("SELECT") and not ONE_ROW.search(sql):
        tags.update(f"t:{table}" for table in TABLES.findall(sql))
    return execute(sql, params, many, context)


post_init.connect(_record_instance, dispatch_uid="page_cache_record_instance")


# --- the store and its tags ----------------------------------------------------------------------------------


def _tag_key(tag: str) -> str:
    return f"{KEY_PREFIX}tag:{tag}"


def _add_to_tags(tags: set[str], member: str, timeout: int) -> None:
    """Each tag's set of stored pages gains `member` (its cache key and address)."""
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        pipe = client.pipeline(transaction=False)
        for tag in tags:
            key = cache.make_and_validate_key(_tag_key(tag))
            pipe.sadd(key, member)
            pipe.expire(key, timeout * 2)
        pipe.execute()
        return
    with _lock:
        found = cache.get_many([_tag_key(tag) for tag in tags])
        cache.set_many({_tag_key(tag): {*found.get(_tag_key(tag), ()), member} for tag in tags}, timeout * 2)


def _take_members(tags: set[str]) -> set[str]:
    """The stored pages of these tags, and the tags forgotten."""
    keys = [_tag_key(tag) for tag in tags]
    if isinstance(cache, RedisCache):
        client = cache._cache.get_client(write=True)
        pipe = client.pipeline(transaction=False)
        raw = [cache.make_and_validate_key(key) for key in keys]
        for key in raw:
            pipe.smembers(key)
        pipe.delete(*raw)
        found = pipe.execute()[:-1]
        return {member.decode() for members in found for member in members}
    with _lock:
        found = cache.get_many(keys)
        cache.delete_many(keys)
    return {member for members in found.values() for member in members}


def purge(tags: set[str]) -> None:
    """Drops the pages that read any of these tags, now and again once the transaction commits (a page made
    from the old rows in between would otherwise stay), from the cache; then from the edge cache, every page
    dropped either time (the first drop forgets the tags, so the second alone would name none of them)."""
    if not enabled() and not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    dropped = _drop(tags)
    transaction.on_commit(lambda: _purge_edge(dropped | _drop(tags)))


def _drop(tags: set[str]) -> set[str]:
    members = _take_members(tags)
    if members:
        cache.delete_many([member.split(" ", 1)[0] for member in members])
    return members


def _purge_edge(members: set[str]) -> None:
    if members and getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(sorted({member.split(" ", 1)[1] for member in members}))


# --- the middleware ------------------------------------------------------------------------------------------


def cache_key(request) -> str:
    language = translation.get_language_from_request(request, check_path=True)
    gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    low_vision = low_vision_settings(request)  # the reader's choices, not the cookie's raw text
    version = low_vision.value if low_vision else "standard"
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(f"{address} {language} {version} {gzip_ok:d}".encode()).hexdigest()
    return f"{KEY_PREFIX}page:{digest}"


def may_be_cached(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.path_info.startswith((*SKIPPED_PREFIXES, settings.STATIC_URL, settings.MEDIA_URL))
    )


def storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in control for word in ("private", "no-store", "no-cache"))
        and not (user is not None and user.is_authenticated)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if seconds() <= 0 or not may_be_cached(request):
            return self.get_response(request)
        on = request_cache.cache_is_shared()
        if not on:  # the answer is still marked for an edge cache, but not kept here
            response = self.get_response(request)
            self.mark(request, response)
            return response
        key = cache_key(request)
        stored = cache.get(key)
        if stored is not None:
            return self.from_store(request, stored)
        tags: set[str] = {ALL}
        token = _recording.set(tags)
        try:
            with connections["default"].execute_wrapper(_record_tables):
                response = self.get_response(request)
        finally:
            _recording.reset(token)
        if self.mark(request, response) and request.method == "GET":
            self.store(request, response, key, tags)
        return response

    @staticmethod
    def mark(request, response) -> bool:
        """`public` with `s-maxage` for a page anyone may be given, `private` for another anonymous HTML answer
        (a form, a restricted page); whether the page may be stored."""
        if not storable(request, response):
            if response.get("Content-Type", "").startswith("text/html"):
                patch_cache_control(response, private=True)
            return False
        patch_cache_control(response, public=True, max_age=0, s_maxage=seconds())
        return True

    @staticmethod
    def from_store(request, stored):
        from django.http import HttpResponse

        status, headers, content = stored
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def store(request, response, key, tags):
        timeout = seconds()
        headers = [(name, value) for name, value in response.headers.items() if name.lower() != "x-page-cache"]
        cache.set(key, (response.status_code, headers, response.content), timeout)
        _add_to_tags(tags, f"{key} {request.build_absolute_uri()}", timeout)
        response.headers["X-Page-Cache"] = "miss"


class PageCacheApplication:
    """The same cache hits answered in front of Django (coworking/wsgi.py): an anonymous `GET` or `HEAD` whose page
    is stored gets it without Django's handler, its signals and middleware (a third of a hit's time). The
    conditions and the key are the middleware's (`may_be_cached`, `cache_key`), on the same `WSGIRequest`; the
    headers of the middleware before the page cache (`SecurityMiddleware`: HTTPS redirect, HSTS, nosniff...)
    are applied as Django would. Anything else, and anything that fails here (a host not allowed), goes to
    Django, which answers it as before."""

    def __init__(self, application):
        from django.middleware.security import SecurityMiddleware

        self.application = application
        self.security = SecurityMiddleware(application)

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD") and enabled():
            response = self.stored_answer(environ)
            if response is not None:
                start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
                return [response.content]
        return self.application(environ, start_response)

    def stored_answer(self, environ):
        from django.core.handlers.wsgi import WSGIRequest

        try:
            request = WSGIRequest(environ)
            if not may_be_cached(request) or self.security.process_request(request) is not None:
                return None
            stored = cache.get(cache_key(request))
        except Exception:  # noqa: BLE001 (Django answers it: a bad host, a broken cookie, Redis away)
            return None
        if stored is None:
            return None
        return self.security.process_response(request, PageCacheMiddleware.from_store(request, stored))


def gunzipped(content: bytes) -> bytes:
    """For tests and the benchmark: the text of a stored answer, whether it was compressed or not."""
    return gzip.decompress(content) if content[:2] == b"\x1f\x8b" else content


# --- what purges ---------------------------------------------------------------------------------------------


def page_tags(page) -> set[str]:
    """A page, its parent (which lists its children) and the lists of its type."""
    tags = {f"p:{page.pk}"}
    parent_path = page.path[: -page.steplen] if page.depth > 1 else ""
    if parent_path:
        parent = Page.objects.filter(path=parent_path).values_list("pk", flat=True).first()
        if parent:
            tags.add(f"p:{parent}")
    specific = page.specific_class or type(page)
    tags.update(f"t:{model._meta.db_table}" for model in (specific, *specific._meta.get_parent_list()))
    tags.discard(f"t:{Page._meta.db_table}")
    return tags


def _page_changed(sender, instance, **kwargs):
    purge(page_tags(instance))


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    tags = page_tags(instance)
    tags.update(f"p:{parent.pk}" for parent in (parent_page_before, parent_page_after) if parent is not None)
    purge(tags)


def _row_changed(sender, instance, **kwargs):
    meta = sender._meta
    if isinstance(instance, Page):
        if kwargs.get("signal") is post_delete:
            purge(page_tags(instance))
        return
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS or meta.label_lower.endswith("rendition"):
        return
    if instance.pk is None:
        return
    purge({instance_tag(instance), *(f"t:{model._meta.db_table}" for model in (sender, *meta.get_parent_list()))})


def _restrictions_changed(sender, **kwargs):
    purge({ALL})


page_published.connect(_page_changed, dispatch_uid="page_cache_published")
page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")
post_save.connect(_row_changed, dispatch_uid="page_cache_row_saved")
post_delete.connect(_row_changed, dispatch_uid="page_cache_row_deleted")
post_save.connect(_restrictions_changed, sender=PageViewRestriction, dispatch_uid="page_cache_restriction_saved")
post_delete.connect(_restrictions_changed, sender=PageViewRestriction, dispatch_uid="page_cache_restriction_gone")
m2m_changed.connect(
    _restrictions_changed, sender=PageViewRestriction.groups.through, dispatch_uid="page_cache_restriction_groups"
)
