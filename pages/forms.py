"""Admin forms of the pages app."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm


class BoundedImageForm(BaseImageForm):
    """Refuses images wider or taller than IMAGE_MAX_SIDE.

    Wagtail's image field has already read the size from the file's header (it never decodes the
    bitmap) and checked the file size and pixel count; this adds the limit on each side.
    """

    def clean_file(self):
        file = self.cleaned_data.get("file")
        image = getattr(file, "image", None)
        if image is not None:
            width, height = image.get_size()
            limit = settings.IMAGE_MAX_SIDE
            if width > limit or height > limit:
                raise ValidationError(
                    _(
                        "Изображение слишком большое: %(width)s × %(height)s пикселей. "
                        "Каждая сторона — не больше %(limit)s пикселей."
                    )
                    % {"width": width, "height": height, "limit": limit},
                    code="image_too_large",
                )
        return file
