"""The StreamBlocks that pages use. Each block list is defined here once."""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlock

from blocks.landing import (
    CurrentExhibitionsBlock,
    FeaturedSolutionsBlock,
    HeroBlock,
    PartnersBlock,
    ResidencyBlock,
    SegmentsBlock,
    UpcomingEventsBlock,
)
from blocks.layout import FAQBlock, TimelineBlock
from blocks.links import CallToActionBlock, DocumentListBlock
from blocks.media import GalleryBlock, ImageBlock, VideoBlock
from blocks.roadmap import RoadmapProductBlock
from blocks.text import HeadingBlock, ParagraphBlock, QuoteBlock, TableContentBlock


class BodyStreamBlock(StreamBlock):
    """The content blocks any page of the site may carry."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    faq = FAQBlock()
    table = TableContentBlock()
    timeline = TimelineBlock()

    class Meta:
        label = _("Содержание")


class LandingStreamBlock(BodyStreamBlock):
    """The landing: its own sections first, then any content block."""

    hero = HeroBlock()
    segments = SegmentsBlock()
    upcoming_events = UpcomingEventsBlock()
    featured_solutions = FeaturedSolutionsBlock()
    current_exhibitions = CurrentExhibitionsBlock()
    partners = PartnersBlock()
    residency = ResidencyBlock()

    class Meta:
        label = _("Разделы стартовой страницы")


class RoadmapStreamBlock(StreamBlock):
    product = RoadmapProductBlock()

    class Meta:
        label = _("Продукты дорожной карты")
        min_num = 1
