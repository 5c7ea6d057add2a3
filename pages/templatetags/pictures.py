"""`{% picture_of image SPEC [SPEC ...] name=value ... %}`: the site's one way to show an image (pages/pictures.py)."""

from django import template
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import PictureNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from pages import pictures

register = template.Library()


class PictureOfNode(PictureNode):
    """Wagtail's `{% picture %}` with the formats added at render time (AVIF only where Pillow writes it)."""

    def get_filters(self):
        return [Filter(spec=spec) for spec in pictures.filter_specs(*self.filter_specs)]


@register.tag("picture_of")
def picture_of(parser, token):
    node = parse_image_tag(
        parser, token.__class__(token.token_type, token.contents.replace("picture_of", "picture", 1))
    )
    return PictureOfNode(node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name)
