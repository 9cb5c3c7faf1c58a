"""StreamField blocks of the public site. Every image carries alt text or is marked decorative."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class FigureBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        label = _("image")
        template = "cms/blocks/figure.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("heading"), icon="title", template="cms/blocks/heading.html")
    paragraph = blocks.RichTextBlock(label=_("paragraph"), features=RICH_TEXT_FEATURES)
    figure = FigureBlock()
    quote = blocks.BlockQuoteBlock(label=_("quote"))


def lead_image_blocks() -> list[tuple[str, ImageBlock]]:
    """The one-image stream used for a page's lead image (shown on the page and when shared)."""
    return [("image", ImageBlock(label=_("image")))]
