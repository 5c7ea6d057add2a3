"""Access in the APIs. Wagtail's API v2 serves public pages only, and v3 shows a logged-in user the pages they
may browse in the admin: here both give a resident, by session or bearer token, exactly what their tier opens.

- API v2: the pages, images and documents endpoints filter through `residents.selectors`; DRF authenticates
  by session, by a Wagtail `APIToken` (`Authorization: Bearer ...`) or by HTTP Basic (counted by django-axes).
- API v3: `install_v3_access(api)` makes the public read operations accept the session as well as a bearer
  token, and replaces the pages queryset for non-staff users with the pages of their tier.
- A token stops working when its holder's contract ends or a suspension starts.
"""

from django.contrib.auth import user_login_failed
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404
from ninja.constants import NOT_SET
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3 import auth as v3_auth
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from residents.authentication import _locked_out
from residents.selectors import access_for, visible_files, visible_pages


class ResidentsPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        try:
            queryset = get_public_pages_queryset(self.request)
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        return visible_pages(queryset, user=self.request.user)

    def get_queryset(self):
        return super().get_queryset().select_related("locale")  # the meta's locale, without a query per page


class ResidentsImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        return visible_files(super().get_queryset(), user=self.request.user)


class ResidentsDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        return visible_files(super().get_queryset(), user=self.request.user)


# API v3 ----------------------------------------------------------------------------------------------


class ResidentBearerTokenAuth(v3_auth.BearerTokenAuth):
    """Wagtail's bearer auth, refusing a suspended resident's or an expired partner's token."""

    def authenticate(self, request, token: str):
        if _locked_out(request):
            request.user = AnonymousUser()
            return None
        api_token = super().authenticate(request, token)
        if api_token is None:
            user_login_failed.send(sender=__name__, credentials={"username": "api-token"}, request=request)
            return None
        if access_for(user=request.user).is_refused_resident:
            request.user = AnonymousUser()
            return None
        return api_token


class SessionOrAnonymous(v3_auth.AllowAnonymous):
    """Read operations: the session's user when there is one (a resident reading the site's API from the
    browser), anonymous otherwise. GET requests only reach it, so CSRF does not apply."""

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not request.headers.get("Authorization"):
            return user
        return super().__call__(request)


_wagtail_get_pages_queryset = v3_querysets.get_pages_queryset


def get_pages_queryset(request, model=None):
    """The live pages of the user's tier; staff also keep Wagtail's admin semantics (the pages they may edit)."""
    from wagtail.models import Page

    model = model or Page
    try:
        queryset = visible_pages(get_public_pages_queryset(request, model), user=request.user)
    except ValueError as error:
        raise Http404(str(error)) from error
    if request.user.is_authenticated and request.user.is_staff:
        editable = _wagtail_get_pages_queryset(request, model)
        queryset = model._default_manager.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=editable.values("pk")))
    return queryset.select_related("content_type", "locale").order_by("pk")


def _files_queryset(wagtail_queryset):
    """Documents and images of v3: Wagtail's collection privacy, then the residents' rule for files."""

    def get_queryset(request):
        return visible_files(wagtail_queryset(request), user=request.user)

    get_queryset.wagtail_queryset = wagtail_queryset
    return get_queryset


def install_v3_access(api) -> None:
    """Swaps the auth callbacks of every v3 operation (Wagtail's, the project's routers added before or after
    this call) and the pages, documents and images querysets. Call it before the URLs are built."""
    from wagtail.api.v3.routers import pages as pages_router
    from wagtail.documents.api.v3 import router as documents_router
    from wagtail.images.api.v3 import router as images_router

    pages_router.get_pages_queryset = get_pages_queryset
    for module, name in [(documents_router, "get_documents_queryset"), (images_router, "get_images_queryset")]:
        current = getattr(module, name)
        setattr(module, name, _files_queryset(getattr(current, "wagtail_queryset", current)))
    for _prefix, router in api._routers:
        _swap_router_auth(router)
    if not getattr(api, "_residents_access_installed", False):
        add_router = api.add_router

        def add_router_with_residents_access(prefix, router, *args, **kwargs):
            add_router(prefix, router, *args, **kwargs)
            _swap_router_auth(router)

        api.add_router = add_router_with_residents_access
        api._residents_access_installed = True


def _swap_router_auth(router) -> None:
    if router.auth not in (None, NOT_SET):
        callbacks = router.auth if isinstance(router.auth, list | tuple) else [router.auth]
        router.auth = [_replace(callback) for callback in callbacks]
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            operation.auth_callbacks = [_replace(callback) for callback in operation.auth_callbacks]
    for entry in getattr(router, "_routers", []):
        _swap_router_auth(entry[1])


def _replace(callback):
    if type(callback) is v3_auth.BearerTokenAuth:
        return ResidentBearerTokenAuth()
    if type(callback) is v3_auth.AllowAnonymous:
        return SessionOrAnonymous()
    return callback
