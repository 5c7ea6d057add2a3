"""Exhibitions in the APIs: a router on API v3 (list and detail with halls, exhibits and image renditions),
and the API v2 pages endpoint that keeps exhibitions a visitor may not see out of its listings.

Both ask `residents.selectors` who sees what. API v3 reads, like Wagtail's own v3 page reads, authenticate by
bearer token or not at all: a session cookie never widens what an API client sees.
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.rich_text import expand_db_html

from exhibitions.models import ExhibitionPage
from exhibitions.selectors import exhibition_halls, open_on, visible_exhibitions

router = Router(tags=["exhibitions"], auth=[BearerTokenAuth(), AllowAnonymous()])

COVER_FILTER = "fill-480x320"
THUMBNAIL_FILTER = "fill-480x360"
FULL_FILTER = "max-1600x1200"


class RenditionSchema(Schema):
    url: str
    width: int
    height: int


class ImageSchema(Schema):
    id: int
    alt: str
    thumbnail: RenditionSchema
    full: RenditionSchema


class PersonSchema(Schema):
    id: int
    name: str
    position: str


class VideoSchema(Schema):
    url: str
    embed_url: str
    provider: str


class DocumentSchema(Schema):
    id: int
    title: str
    url: str


class LinkedPageSchema(Schema):
    id: int
    title: str
    url: str


class ExhibitSchema(Schema):
    id: int
    number: int = Field(description="Position of the exhibit in the whole exhibition, from 1")
    title: str
    authors: str = Field(description="Display names published with consent; empty otherwise")
    description: str = Field(description="HTML")
    media: list[Literal["image", "video", "document", "model"]]
    image: ImageSchema | None
    video: VideoSchema | None
    document: DocumentSchema | None
    model_url: str
    solution: LinkedPageSchema | None
    html_url: str


class HallSchema(Schema):
    id: int
    title: str
    description: str
    exhibits: list[ExhibitSchema]


class ExhibitionSchema(Schema):
    id: int
    title: str
    slug: str
    html_url: str
    introduction: str
    audience: str
    opens_on: date
    closes_on: date | None
    is_open: bool
    curator: PersonSchema | None
    cover_image: RenditionSchema | None


class ExhibitionDetailSchema(ExhibitionSchema):
    halls: list[HallSchema]


class ExhibitionFilterSchema(Schema):
    status: Literal["open", "coming", "past"] | None = Field(
        None, description="open: open today; coming: opens later; past: closed"
    )


def _rendition(image, spec: str) -> dict:
    rendition = image.get_rendition(spec)
    return {"url": rendition.url, "width": rendition.width, "height": rendition.height}


def exhibition_data(page: ExhibitionPage, request: HttpRequest) -> dict:
    curator = page.curator
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "html_url": page.get_full_url(request=request),
        "introduction": page.introduction,
        "audience": page.audience,
        "opens_on": page.opens_on,
        "closes_on": page.closes_on,
        "is_open": page.is_open(timezone.localdate()),
        "curator": {"id": curator.pk, "name": curator.name, "position": curator.position} if curator else None,
        "cover_image": _rendition(page.cover_image, COVER_FILTER) if page.cover_image else None,
    }


def exhibit_data(exhibit, *, page: ExhibitionPage, request: HttpRequest) -> dict:
    image, video, document, solution = exhibit.image, exhibit.video, exhibit.document, exhibit.solution
    return {
        "id": exhibit.pk,
        "number": exhibit.number,
        "title": exhibit.title,
        "authors": exhibit.published_authors,
        "description": expand_db_html(exhibit.description),
        "media": exhibit.media_kinds(),
        "image": {
            "id": image.pk,
            "alt": exhibit.image_alt,
            "thumbnail": _rendition(image, THUMBNAIL_FILTER),
            "full": _rendition(image, FULL_FILTER),
        }
        if image
        else None,
        "video": {"url": exhibit.video_url, "embed_url": video.embed_url(), "provider": video.provider()}
        if video
        else None,
        "document": {"id": document.pk, "title": document.title, "url": document.url} if document else None,
        "model_url": exhibit.model_url,
        "solution": {"id": solution.pk, "title": solution.title, "url": solution.get_full_url(request=request)}
        if solution and solution.live
        else None,
        "html_url": page.get_full_url(request=request) + page.reverse_subpage("exhibit", args=[exhibit.pk]),
    }


def _by_status(queryset, status: str | None):
    today = timezone.localdate()
    if status == "open":
        return open_on(queryset, day=today)
    if status == "coming":
        return queryset.filter(opens_on__gt=today)
    if status == "past":
        return queryset.filter(closes_on__lt=today)
    return queryset


class ExhibitionPagination(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset pagination, turning the page of exhibitions into their JSON."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        result = super().paginate_queryset(queryset, pagination, request, **params)
        result["items"] = [exhibition_data(page, request) for page in result["items"]]
        return result


@router.get(
    "/",
    response=list[ExhibitionSchema],
    url_name="exhibitions_list",
    summary="List exhibitions",
    operation_id="exhibitions_list",
)
@paginate(ExhibitionPagination)
def list_exhibitions(request: HttpRequest, filters: Query[ExhibitionFilterSchema]):
    """Exhibitions the caller may see, newest opening first."""
    queryset = visible_exhibitions(queryset=ExhibitionPage.objects.all(), user=request.user)
    return _by_status(queryset, filters.status)


@router.get(
    "/{exhibition_id}/",
    response=ExhibitionDetailSchema,
    url_name="exhibitions_detail",
    summary="Exhibition with its halls and exhibits",
    operation_id="exhibitions_detail",
)
def get_exhibition(request: HttpRequest, exhibition_id: int):
    page = get_object_or_404(
        visible_exhibitions(queryset=ExhibitionPage.objects.all(), user=request.user), pk=exhibition_id
    )
    halls = exhibition_halls(page=page, request=request)
    data = exhibition_data(page, request)
    data["halls"] = [
        {
            "id": hall.pk,
            "title": hall.title,
            "description": hall.description,
            "exhibits": [exhibit_data(exhibit, page=page, request=request) for exhibit in hall.exhibits.all()],
        }
        for hall in halls
    ]
    return data
