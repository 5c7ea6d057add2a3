"""Images in API v3: the images the caller may see (a file follows the content that uses it, and Wagtail's
collection privacy), in the API's one image representation. Editors' uploads and edits are Wagtail's
operations with Wagtail's token authentication, answering in the same representation."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, File, Form, Query, Router, Status, UploadedFile
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
from wagtail.images.api.v3 import router as wagtail_images

from api.errors import ErrorSchema
from api.images import ImageData, image_data
from api.pagination import ListParams, page_of, paged
from api.querysets import searchable
from api.validation import Id
from residents.selectors import files_visible

router = Router(tags=["images"])
READ_FIELDS = ["id", "title", "width", "height"]


def images_for(request: HttpRequest):
    return searchable(files_visible(wagtail_images.get_images_queryset(request), user=request.user))


@router.get("/", response={200: paged(ImageData), 422: ErrorSchema}, url_name="list_images", operation_id="images_list")
def list_images(
    request: HttpRequest,
    params: ListParams = Query(...),  # noqa: B008
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
):
    images = ordering.order_queryset(images_for(request), params, base_fields=READ_FIELDS)
    return page_of(
        search.search_queryset(request, images), params, shape=lambda image: image_data(image, request=request)
    )


@router.get(
    "/{image_id}/", response={200: ImageData, 404: ErrorSchema}, url_name="detail_image", operation_id="images_detail"
)
def get_image(request: HttpRequest, image_id: Id):
    return image_data(get_object_or_404(images_for(request), pk=image_id), request=request)


@router.post(
    "/", response={201: ImageData}, auth=BearerTokenAuth(), url_name="create_image", operation_id="images_create"
)
def create_image(
    request: HttpRequest,
    file: UploadedFile = File(...),  # noqa: B008
    data: wagtail_images.ImageCreateSchema = Form(...),  # noqa: B008
):
    created = wagtail_images.create_image(request, file=file, data=data)
    return Status(201, image_data(created.value, request=request))


@router.patch(
    "/{image_id}/", response=ImageData, auth=BearerTokenAuth(), url_name="update_image", operation_id="images_update"
)
def update_image(request: HttpRequest, image_id: Id, data: wagtail_images.ImagePatchSchema = Body(...)):  # noqa: B008
    return image_data(wagtail_images.update_image(request, image_id=image_id, data=data), request=request)


router.add_api_operation(
    "/{image_id}/",
    ["DELETE"],
    wagtail_images.delete_image,
    auth=BearerTokenAuth(),
    response={204: None},
    url_name="delete_image",
    operation_id="images_delete",
)
