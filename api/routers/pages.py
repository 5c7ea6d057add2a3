"""Pages in API v3, read by the caller's tier.

Wagtail's own v3 pages router reads public pages for anonymous callers and, for a token, the pages its holder
may edit in the admin. A resident is neither, so the reads here are the project's: the live pages the
caller may see (audience, Wagtail's view restrictions, the requested site) with Wagtail's filters, ordering,
search and schemas; staff keep Wagtail's admin reading on top. A draft is shown only to someone who may edit
the page. Editors' writes (create, edit, delete, revisions and the page actions) are Wagtail's operations
with Wagtail's token authentication, unchanged.
"""

from typing import Literal

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router
from ninja.pagination import paginate
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3 import querysets as wagtail_querysets
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.api.v3.schemas import BasePageSchema
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS, PageTypeInjectingBody, PageTypeInjectingBodyModel
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema, SearchSchema
from wagtail.api.v3.schemas.revisions import RevisionSchema
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page

from api.auth import SIGNED_IN
from api.errors import APIError, ErrorSchema
from api.ids import id_in_range
from api.pagination import LimitOffset, ListParams
from api.validation import Id
from residents.selectors import pages_visible

router = Router(tags=["pages"])
PageDetailSchema = wagtail_pages.PageDetailSchema


def pages_for(request: HttpRequest, model=Page):
    """The live pages the caller may see on the requested site; staff also the pages they may edit."""
    try:
        queryset = pages_visible(get_public_pages_queryset(request, model), user=request.user)
    except ValueError as error:  # ?site= matches several sites
        raise APIError(400, _("Параметр site подходит к нескольким сайтам."), code="ambiguous_site") from error
    if request.user.is_authenticated and request.user.is_staff:
        editable = wagtail_querysets.get_pages_queryset(request, model)
        queryset = model._default_manager.filter(Q(pk__in=queryset.values("pk")) | Q(pk__in=editable.values("pk")))
    return queryset.select_related("content_type", "locale").order_by("pk")


class PageFilters(wagtail_pages.PageFilterSchema):
    """Wagtail's page filters, with the pages they refer to looked up in the caller's pages."""

    @staticmethod
    def get_public_page(request: HttpRequest, page_id: int, loc: str) -> Page:
        page = pages_for(request).filter(pk=page_id).first() if id_in_range(page_id) else None
        if page is None:
            raise APIError(
                422, errors=[{"field": loc, "code": "does_not_exist", "message": str(_("Такой страницы нет."))}]
            )
        return page

    @staticmethod
    def get_public_page_or_root(request: HttpRequest, page_id, loc: str) -> Page:
        if page_id == "root":
            return PageFilters.get_request_root_page(request)
        return PageFilters.get_public_page(request, page_id, loc)


@router.get(
    "/",
    response={200: list[BasePageSchema], 422: ErrorSchema},
    url_name="list_pages",
    summary="List pages",
    operation_id="pages_list",
)
@paginate(LimitOffset, pass_parameter="pagination_info")  # noqa: S106 (not a password)
def list_pages(
    request: HttpRequest,
    filters: PageFilters = Query(...),  # noqa: B008
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
    **kwargs,
):
    pagination_info: ListParams = kwargs["pagination_info"]
    model = filters.type[0] if len(filters.type) == 1 else Page
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET,
        schemas=(PageFilters, OrderingSchema, SearchSchema, ListParams),
        base_fields=BASE_PAGE_READ_FIELDS,
    )
    queryset = filters.filter(pages_for(request, model), request)
    queryset = field_filter.filter_queryset(queryset)
    queryset = ordering.order_queryset(queryset, pagination_info, base_fields=BASE_PAGE_READ_FIELDS)
    return search.search_queryset(request, queryset)


@router.get(
    "/find/",
    response={302: None, 404: ErrorSchema},
    url_name="find_page",
    summary="Find page by path or id",
    operation_id="pages_find",
)
def find_page(request: HttpRequest, id: Id | None = None, html_path: str | None = None, site: str = ""):
    """Redirects to the detail of the page at `html_path` (as a visitor's browser would reach it) or `id`."""
    page = None
    if html_path:
        site_obj = SiteFilterValidator(site=site or None, request=request).site_obj
        if site_obj is not None:
            components = [component for component in html_path.split("/") if component]
            page = _route(request, site_obj, components)
    if page is None and id:
        page = pages_for(request).filter(pk=id).first()
    if page is None or not pages_for(request).filter(pk=page.pk).exists():
        raise APIError(404, _("Страница не найдена."))
    query = request.GET.copy()
    query.pop("id", None)
    query.pop("html_path", None)
    return redirect(f"{reverse('wagtailapi_v3:detail_page', kwargs={'page_id': page.pk})}?{query.urlencode()}")


def _route(request, site, components):
    try:
        page, _args, _kwargs = site.root_page.specific.route(request, components)
    except Http404:
        return None
    return page


@router.get(
    "/{page_id}/",
    response={200: PageDetailSchema, 404: ErrorSchema},
    url_name="detail_page",
    summary="Page detail",
    operation_id="pages_detail",
)
def get_page(
    request: HttpRequest,
    page_id: Id,
    version: Literal["live", "draft"] = "live",
    rich_text_format: RichTextOutputFormat | None = None,
):
    """The page; `version=draft` gives its latest revision to those who may edit it, the live page to others."""
    page = get_object_or_404(pages_for(request), pk=page_id).specific
    if version == "draft" and page.permissions_for_user(request.user).can_edit():
        return page.get_latest_revision_as_object()
    return page


@router.get(
    "/{page_id}/revisions/",
    response={200: list[RevisionSchema], 404: ErrorSchema},
    auth=SIGNED_IN,
    url_name="list_page_revisions",
    summary="List page revisions",
    operation_id="pages_revisions_list",
)
@paginate(LimitOffset)
def list_page_revisions(request: HttpRequest, page_id: Id):
    """The page's revisions, newest first, for those who may edit or publish it."""
    page = get_object_or_404(pages_for(request), pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_publish()):
        raise APIError(403)
    return page.revisions.order_by("-created_at", "-id")


class _CheckedPageBodyModel(PageTypeInjectingBodyModel):
    @classmethod
    def get_meta_type(cls, request, api, path_params) -> str:
        """Wagtail reads the page's type from the address before checking it: an id that is no page id (text,
        a fraction, out of range) is a page not found, not a database error."""
        page_id = str(path_params.get(cls.page_id_param))
        if not (page_id.isdigit() and id_in_range(int(page_id))):
            raise Http404
        return super().get_meta_type(request, api, path_params)


class _CheckedPageBody(PageTypeInjectingBody):
    _model = _CheckedPageBodyModel


def update_page(
    request: HttpRequest,
    page_id: int,
    data: wagtail_pages.PageUpdateSchema = _CheckedPageBody(...),  # noqa: B008
    rich_text_format: RichTextOutputFormat | None = Query(None),  # noqa: B008
):
    """Wagtail's page update, its body read only for a page id that can be one."""
    return wagtail_pages.update_page(request, page_id=page_id, data=data, rich_text_format=rich_text_format)


# Editors' writes: Wagtail's operations and their token authentication, unchanged.
WAGTAIL_WRITES = [
    ("/", "POST", wagtail_pages.create_page, {201: PageDetailSchema}, "create_page", "pages_create"),
    ("/{page_id}/", "PATCH", update_page, PageDetailSchema, "update_page", "pages_update"),
    ("/{page_id}/", "DELETE", wagtail_pages.delete, {204: None}, "delete_page", "pages_delete"),
    (
        "/{page_id}/revisions/{revision_id}/",
        "GET",
        wagtail_pages.get_page_revision,
        wagtail_pages.PageRevisionDetailSchema,
        "detail_page_revision",
        "pages_revisions_detail",
    ),
]
for path, method, view, response, url_name, operation_id in WAGTAIL_WRITES:
    router.add_api_operation(
        path, [method], view, auth=BearerTokenAuth(), response=response, url_name=url_name, operation_id=operation_id
    )
router.add_router("/", wagtail_pages.actions_router)
