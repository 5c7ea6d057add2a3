"""Blocks of the online platform's events: what an event is about, and what it left behind."""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlock

from blocks.links import CallToActionBlock, DocumentListBlock
from blocks.media import ImageBlock, VideoBlock
from blocks.text import HeadingBlock, ParagraphBlock, QuoteBlock


class EventDescriptionStreamBlock(StreamBlock):
    """The description of an event: text, pictures, a video invitation."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        label = _("Описание события")


class EventMaterialsStreamBlock(StreamBlock):
    """Materials published after the event: documents, slides and recordings."""

    documents = DocumentListBlock(label=_("Документы"))
    slides = DocumentListBlock(label=_("Презентации"), icon="doc-full-inverse")
    recording = VideoBlock(label=_("Запись"))

    class Meta:
        label = _("Материалы события")
