"""Media blocks: an image with required alternative text, a gallery and a video player."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, ListBlock, StructBlock, StructValue, URLBlock
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from api.images import image_data
from blocks.video import parse_video_url


def preview_image_data() -> dict:
    """An image block's raw value for admin previews, using the first image of the library."""
    image = get_image_model().objects.order_by("pk").first()
    return {"image": image.pk if image else None, "alt_text": "Пример изображения", "caption": "Подпись"}


class ImageBlock(StructBlock):
    """An image that every reader can perceive: alternative text is required, a caption optional."""

    image = ImageChooserBlock(label=_("Изображение"))
    alt_text = CharBlock(
        label=_("Альтернативный текст"),
        max_length=250,
        help_text=_("Что изображено: этот текст читают программы экранного доступа и версия для слабовидящих."),
    )
    caption = CharBlock(label=_("Подпись"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Изображение")
        group = _("Медиа")
        template = "blocks/image.html"
        description = _("Изображение с обязательным альтернативным текстом и подписью.")

    def get_preview_value(self):
        return self.to_python(preview_image_data())

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "image": image_data(value.get("image"), request=request, alt=value.get("alt_text") or ""),
            "caption": value.get("caption") or "",
        }


class GalleryBlock(StructBlock):
    title = CharBlock(label=_("Название галереи"), required=False, max_length=200)
    images = ListBlock(ImageBlock(), label=_("Изображения"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Галерея")
        group = _("Медиа")
        template = "blocks/gallery.html"
        description = _("Несколько изображений сеткой, каждое со своим описанием.")

    def get_preview_value(self):
        return self.to_python({"title": "Галерея", "images": [preview_image_data()] * 3})


class VideoValue(StructValue):
    @property
    def source(self):
        return parse_video_url(self.get("url"))

    def embed_url(self) -> str:
        source = self.source
        return source.embed_url if source else ""

    def provider(self) -> str:
        source = self.source
        return source.provider if source else ""


class VideoBlock(StructBlock):
    """A video from YouTube, Rutube or VK Video, played by address with no call to the host on save."""

    url = URLBlock(
        label=_("Адрес видео"),
        help_text=_("Ссылка на видео в YouTube, Rutube или VK Видео, скопированная из адресной строки."),
    )
    title = CharBlock(
        label=_("Название видео"), max_length=200, help_text=_("Озвучивается программами экранного доступа.")
    )
    caption = CharBlock(label=_("Подпись"), required=False, max_length=250)

    class Meta:
        icon = "media"
        label = _("Видео")
        group = _("Медиа")
        template = "blocks/video.html"
        value_class = VideoValue
        description = _("Видео из YouTube, Rutube или VK Видео по ссылке.")
        preview_value = {
            "url": "https://rutube.ru/video/c6cc4d620b1d4338901770a44b3e82f4/",
            "title": "Запись конференции",
            "caption": "",
        }

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value.get("url")) is None:
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Не удалось распознать ссылку. Поддерживаются YouTube, Rutube и VK Видео.")
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["embed_url"] = value.embed_url()
        data["provider"] = value.provider()
        return data
