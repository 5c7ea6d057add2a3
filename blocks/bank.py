"""Blocks of a solution in the open bank: the stages of the work, attachments and links."""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StreamBlock, StructBlock, TextBlock
from wagtail.documents.blocks import DocumentChooserBlock

from api.documents import document_data
from blocks.links import LinkBlock
from blocks.media import ImageBlock


class StageBlock(StructBlock):
    """One stage of the work: what the team did and what came of it."""

    title = CharBlock(label=_("Этап"), max_length=200)
    text = TextBlock(label=_("Что сделано"))

    class Meta:
        icon = "list-ol"
        label = _("Этап работы")
        template = "blocks/stage.html"
        description = _("Название этапа и что на нём было сделано.")
        preview_value = {"title": "Исследование", "text": "Опросили 120 обучающихся и выбрали задачу."}


class SolutionStagesBlock(StreamBlock):
    stage = StageBlock()
    image = ImageBlock()

    class Meta:
        label = _("Этапы работы")


class SolutionAttachmentsBlock(StreamBlock):
    document = DocumentChooserBlock(label=_("Документ"), icon="doc-full")

    class Meta:
        label = _("Приложения")

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return [
            {"type": child.block_type, "value": document_data(child.value, request=request), "id": child.id}
            for child in value
            if child.value
        ]


class SolutionLinksBlock(StreamBlock):
    link = LinkBlock()

    class Meta:
        label = _("Ссылки")
