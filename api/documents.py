"""One representation of a document for both APIs and every block: its title, type and a download address
that goes through the site's checked download view (never a bare media path)."""

from typing_extensions import TypedDict
from wagtail.api.utils import get_full_url


class DocumentData(TypedDict):
    id: int
    title: str
    file_extension: str
    url: str


def document_data(document, *, request=None) -> DocumentData | None:
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "file_extension": document.file_extension,
        "url": get_full_url(request, document.url),
    }
