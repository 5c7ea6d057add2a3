"""Exhibitions in API v3: the list, and each exhibition with its halls and exhibits.

Which exhibitions a caller sees is decided by `residents.selectors` for the caller of `api.auth` (token, else
session, else anonymous), as on the site. Images come in the API's one representation (`api.images`),
documents in its one document representation; every address is absolute.
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.rich_text import expand_db_html

from api.documents import DocumentData, document_data
from api.images import ImageData, image_data
from api.pagination import LimitOffset
from api.validation import Id
from exhibitions.models import Exhibit, ExhibitionPage
from exhibitions.selectors import exhibition_halls, exhibitions_visible, exhibitions_with_status
from pages.localized import localized
from pages.selectors import pages_in_reading_language
from residents.audiences import Audience

router = Router(tags=["exhibitions"])

ExhibitMedia = Literal["image", "video", "document", "model"]


class ExhibitionCuratorSchema(Schema):
    id: int
    name: str
    position: str


class ExhibitVideoSchema(Schema):
    url: str
    embed_url: str = Field(description="The player's address, privacy-enhanced where the host offers it")
    provider: str

    @staticmethod
    def resolve_embed_url(video) -> str:
        return video.embed_url()

    @staticmethod
    def resolve_provider(video) -> str:
        return video.provider()


class ExhibitSolutionSchema(Schema):
    id: int
    title: str
    url: str

    @staticmethod
    def resolve_url(page, context) -> str:
        return page.get_full_url(context["request"])


class ExhibitDetailSchema(Schema):
    id: int
    number: int = Field(description="Position of the exhibit in the whole exhibition, from 1")
    title: str
    authors: str = Field(description="Display names published with consent; empty otherwise")
    description: str = Field(description="HTML")
    media: list[ExhibitMedia]
    image: ImageData | None
    video: ExhibitVideoSchema | None
    document: DocumentData | None
    model_url: str
    solution: ExhibitSolutionSchema | None = Field(description="The bank solution, if the caller may open it")
    html_url: str = Field(description="The exhibit's own page on the site")

    @staticmethod
    def resolve_authors(exhibit: Exhibit) -> str:
        return exhibit.published_authors

    @staticmethod
    def resolve_description(exhibit: Exhibit) -> str:
        return expand_db_html(exhibit.description)

    @staticmethod
    def resolve_media(exhibit: Exhibit) -> list[str]:
        return exhibit.media_kinds()

    @staticmethod
    def resolve_image(exhibit: Exhibit, context) -> ImageData | None:
        return image_data(exhibit.image, request=context["request"], alt=exhibit.image_alt)

    @staticmethod
    def resolve_document(exhibit: Exhibit, context) -> DocumentData | None:
        return document_data(exhibit.document, request=context["request"])

    @staticmethod
    def resolve_solution(exhibit: Exhibit):
        return getattr(exhibit, "linked_solution", None)

    @staticmethod
    def resolve_html_url(exhibit: Exhibit) -> str:
        return exhibit.url


class ExhibitionHallDetailSchema(Schema):
    id: int
    title: str
    description: str
    exhibits: list[ExhibitDetailSchema]


class ExhibitionSchema(Schema):
    id: int
    title: str
    slug: str
    html_url: str = Field(description="The exhibition's page on the site")
    introduction: str
    audience: Audience
    opens_on: date
    closes_on: date | None = Field(description="null for a permanent exhibition")
    is_open: bool = Field(description="Open today")
    curator: ExhibitionCuratorSchema | None
    cover_image: ImageData | None

    @staticmethod
    def resolve_html_url(page: ExhibitionPage, context) -> str:
        return page.get_full_url(context["request"])

    @staticmethod
    def resolve_is_open(page: ExhibitionPage) -> bool:
        return page.is_open(timezone.localdate())

    @staticmethod
    def resolve_curator(page: ExhibitionPage):
        return localized(page.curator)

    @staticmethod
    def resolve_cover_image(page: ExhibitionPage, context) -> ImageData | None:
        return image_data(page.cover_image, request=context["request"])


class ExhibitionDetailSchema(ExhibitionSchema):
    halls: list[ExhibitionHallDetailSchema]

    @staticmethod
    def resolve_halls(page: ExhibitionPage, context) -> list:
        return exhibition_halls(page=page, request=context["request"], full_urls=True)


class ExhibitionListParams(Schema):
    status: Literal["open", "coming", "past"] | None = Field(
        None, description="open: open today; coming: opens later; past: closed"
    )


def exhibitions_for(request: HttpRequest):
    return exhibitions_visible(queryset=ExhibitionPage.objects.all(), user=request.user)


@router.get(
    "/",
    response=list[ExhibitionSchema],
    url_name="exhibitions_list",
    summary="List exhibitions",
    operation_id="exhibitions_list",
)
@paginate(LimitOffset)
def list_exhibitions(request: HttpRequest, filters: Query[ExhibitionListParams]):
    """Exhibitions the caller may see, in the language being read, newest opening first."""
    exhibitions = pages_in_reading_language(exhibitions_for(request))
    return exhibitions_with_status(exhibitions, status=filters.status, today=timezone.localdate())


@router.get(
    "/{exhibition_id}/",
    response=ExhibitionDetailSchema,
    url_name="exhibitions_detail",
    summary="Exhibition with its halls and exhibits",
    operation_id="exhibitions_detail",
)
def get_exhibition(request: HttpRequest, exhibition_id: Id):
    return get_object_or_404(exhibitions_for(request), pk=exhibition_id)
