"""Wagtail's API v2 endpoints (pages, images, documents) with the residents' rule and the API's conventions.

Each endpoint filters through `residents.selectors`: a resident, by session or bearer token, reads exactly
what their tier opens. On top of Wagtail's behaviour, every endpoint of v2 (the bank's `solutions` too,
through `ConventionsMixin`) answers errors in the one error format of `api.errors`, bounds `limit` and
`offset` like API v3, and shows images in the one image representation of `api.images`.
"""

from django.http import Http404
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from api.errors import APIError, error_body
from api.images import image_data
from api.pagination import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET
from api.querysets import searchable
from api.validation import field_error
from residents.selectors import files_visible, pages_visible


def _bounded(request, name: str, default: int, low: int, high: int) -> int:
    """A whole-number parameter within bounds, refused as API v3 refuses it (same codes and messages)."""
    try:
        value = int(request.GET.get(name, default))
    except (TypeError, ValueError):
        raise APIError(422, errors=[field_error(name, "int_parsing")]) from None
    if value < low:
        raise APIError(422, errors=[field_error(name, "greater_than_equal", ge=low)])
    if value > high:
        raise APIError(422, errors=[field_error(name, "less_than_equal", le=high)])
    return value


class Pagination(WagtailPagination):
    """Wagtail's v2 pagination (`meta.total_count`, `items`) with the bounds of API v3."""

    def paginate_queryset(self, queryset, request, view=None):
        _bounded(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        _bounded(request, "offset", 0, 0, MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)


class ConventionsMixin:
    """Errors in the API's one format, and the one pagination contract."""

    pagination_class = Pagination

    def handle_exception(self, exc):
        if isinstance(exc, APIError):
            body = error_body(status=exc.status, code=exc.code, message=exc.message, errors=exc.errors)
        elif isinstance(exc, Http404):
            body = error_body(status=404)
        elif isinstance(exc, BadRequestError):
            # Wagtail's own texts say which parameter is wrong; they stay as the detail of the one error.
            body = error_body(status=400, errors=[{"field": "", "code": "bad_request", "message": str(exc)}])
        elif isinstance(exc, exceptions.AuthenticationFailed):
            body = error_body(status=401, code="invalid_credentials")
        elif isinstance(exc, exceptions.APIException):
            body = error_body(status=exc.status_code)
        else:
            return super().handle_exception(exc)
        response = Response(body, status=body["status"])
        if body["status"] == 401:
            response["WWW-Authenticate"] = "Bearer"
        return response


class ResidentsPagesAPIViewSet(ConventionsMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        """The pages this caller may read, worked out once per request (Wagtail asks three times, and each
        time reads the view restrictions and the site's translations)."""
        if not hasattr(self, "_base_queryset"):
            try:
                queryset = get_public_pages_queryset(self.request)
            except ValueError as error:
                raise BadRequestError(str(error)) from error
            self._base_queryset = pages_visible(queryset, user=self.request.user)
        return self._base_queryset

    def get_queryset(self):
        return super().get_queryset().select_related("locale")  # the meta's locale, without a query per page


class ImageRepresentation(serializers.Field):
    """One part of the API's image representation (`alt`, `renditions` or `srcset`) as a field of v2's images."""

    def __init__(self, part: str, **kwargs):
        self.part = part
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, image):
        cache = self.parent.context.setdefault("image_data", {}) if self.parent is not None else {}
        if image.pk not in cache:
            cache[image.pk] = image_data(image, request=self.context.get("request"))
        return cache[image.pk][self.part]


class TagNames(serializers.Field):
    """The tags' names in alphabetical order, from the tags prefetched with the list (Wagtail's own field asks
    the database once per item)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, item):
        return sorted(tag.name for tag in item.tags.all())


def _with_tag_names(meta_fields: list) -> list:
    return [APIField("tags", serializer=TagNames()) if field == "tags" else field for field in meta_fields]


class ResidentsImagesAPIViewSet(ConventionsMixin, ImagesAPIViewSet):
    meta_fields = _with_tag_names(ImagesAPIViewSet.meta_fields)
    body_fields = [
        *ImagesAPIViewSet.body_fields,
        APIField("alt", serializer=ImageRepresentation("alt")),
        APIField("renditions", serializer=ImageRepresentation("renditions")),
        APIField("srcset", serializer=ImageRepresentation("srcset")),
    ]

    def get_queryset(self):
        return searchable(files_visible(super().get_queryset(), user=self.request.user)).prefetch_related("tags")


class ResidentsDocumentsAPIViewSet(ConventionsMixin, DocumentsAPIViewSet):
    meta_fields = _with_tag_names(DocumentsAPIViewSet.meta_fields)

    def get_queryset(self):
        return searchable(files_visible(super().get_queryset(), user=self.request.user)).prefetch_related("tags")
