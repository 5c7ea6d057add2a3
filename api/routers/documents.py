"""Documents in API v3: the documents the caller may see (a file follows the content that uses it, and
Wagtail's collection privacy), in the API's one document representation. Editors' uploads and edits are
Wagtail's operations with Wagtail's token authentication, answering in the same representation."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Body, File, Form, Query, Router, Status, UploadedFile
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
from wagtail.documents.api.v3 import router as wagtail_documents

from api.documents import DocumentData, document_data
from api.errors import ErrorSchema
from api.pagination import ListParams, page_of, paged
from api.querysets import searchable
from api.validation import Id
from residents.selectors import files_visible

router = Router(tags=["documents"])
READ_FIELDS = ["id", "title"]


def documents_for(request: HttpRequest):
    return searchable(files_visible(wagtail_documents.get_documents_queryset(request), user=request.user))


@router.get(
    "/",
    response={200: paged(DocumentData), 422: ErrorSchema},
    url_name="list_documents",
    operation_id="documents_list",
)
def list_documents(
    request: HttpRequest,
    params: ListParams = Query(...),  # noqa: B008
    ordering: OrderingSchema = Query(...),  # noqa: B008
    search: SearchSchema = Query(...),  # noqa: B008
):
    documents = ordering.order_queryset(documents_for(request), params, base_fields=READ_FIELDS)
    return page_of(
        search.search_queryset(request, documents), params, shape=lambda item: document_data(item, request=request)
    )


@router.get(
    "/{document_id}/",
    response={200: DocumentData, 404: ErrorSchema},
    url_name="detail_document",
    operation_id="documents_detail",
)
def get_document(request: HttpRequest, document_id: Id):
    return document_data(get_object_or_404(documents_for(request), pk=document_id), request=request)


@router.post(
    "/",
    response={201: DocumentData},
    auth=BearerTokenAuth(),
    url_name="create_document",
    operation_id="documents_create",
)
def create_document(
    request: HttpRequest,
    file: UploadedFile = File(...),  # noqa: B008
    data: wagtail_documents.DocumentCreateSchema = Form(...),  # noqa: B008
):
    created = wagtail_documents.create_document(request, file=file, data=data)
    return Status(201, document_data(created.value, request=request))


@router.patch(
    "/{document_id}/",
    response=DocumentData,
    auth=BearerTokenAuth(),
    url_name="update_document",
    operation_id="documents_update",
)
def update_document(
    request: HttpRequest,
    document_id: int,
    data: wagtail_documents.DocumentPatchSchema = Body(...),  # noqa: B008
):
    updated = wagtail_documents.update_document(request, document_id=document_id, data=data)
    return document_data(updated, request=request)


router.add_api_operation(
    "/{document_id}/",
    ["DELETE"],
    wagtail_documents.delete_document,
    auth=BearerTokenAuth(),
    response={204: None},
    url_name="delete_document",
    operation_id="documents_delete",
)
