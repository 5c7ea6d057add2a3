"""The English copies of the demo's documents: a document has one title, in one language, so an English page or
snippet that offers a document chooses another one, with an English title (wagtail-localize lets a translation
override a chosen document, as its editor's «Override» does). A copy is made once per English title."""

import json

from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import OverridableSegment, SegmentOverride, TranslationSource

from pages.demo.documents import demo_pdf

ENGLISH_SUBTITLE = "Digital coworking space · Lyceum No. 373 «Economic Lyceum»"


def chooses_a_document(path: str) -> bool:
    """True for the path of a segment that holds a chosen document (a field `document`, a list `documents`)."""
    return bool({"document", "documents"} & set(path.split(".")))


def english_document(document_id, strings: dict[str, str]) -> int | None:
    """The id of the English copy of the document `document_id`, made if needed; None when its title has no
    English in `strings` (the translation keeps the Russian document)."""
    documents = get_document_model().objects
    document = documents.filter(pk=document_id).first() if isinstance(document_id, int) else None
    if document is None or document.title not in strings:
        return None
    title = strings[document.title]
    copy = documents.filter(title=title, collection=document.collection).first()
    if copy is None:
        file = demo_pdf(title, name=f"{slugify(title)}.pdf", subtitle=ENGLISH_SUBTITLE)
        copy = documents.create(title=title, file=file, collection=document.collection)
    return copy.pk


def override_documents(source: TranslationSource, english: Locale, strings: dict[str, str]) -> None:
    """The translation's documents are the English copies, wherever the source's titles have English."""
    for segment in OverridableSegment.objects.filter(source=source).select_related("context"):
        if not chooses_a_document(segment.context.path):
            continue
        if (copy := english_document(json.loads(segment.data_json), strings)) is not None:
            SegmentOverride.objects.update_or_create(
                locale=english, context=segment.context, defaults={"data_json": json.dumps(copy)}
            )
