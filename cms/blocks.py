"""Every StreamField block the content pages use. Pages reuse `BaseStreamBlock`; a new block is a small
StructBlock with a docstring telling the editor what it is for."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .viewsets import product_chooser_viewset


# One Oscar product, picked in the admin with the product chooser (cms.viewsets).
ProductChooserBlock = product_chooser_viewset.get_block_class(name="ProductChooserBlock", module_path="cms.blocks")


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with a caption and the photographer's credit."""

    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "cms/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    """What a producer, a buyer or an official said, with who said it."""

    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"


class KeyFactsBlock(blocks.StructBlock):
    """Short label/value pairs shown as a fact box: harvest season, altitude, ageing time…"""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=80)
    facts = blocks.ListBlock(blocks.StructBlock([
        ("label", blocks.CharBlock(label=_("label"), max_length=60)),
        ("value", blocks.CharBlock(label=_("value"), max_length=120)),
    ]), label=_("facts"))

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/key_facts.html"


class ProductsBlock(blocks.StructBlock):
    """A row of products with live buy boxes in the middle of a text."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    products = blocks.ListBlock(ProductChooserBlock(label=_("product")), label=_("products"))

    class Meta:
        icon = "tag"
        template = "cms/blocks/products.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, template="cms/blocks/heading.html",
                               icon="title")
    paragraph = blocks.RichTextBlock(label=_("paragraph"),
                                     features=["bold", "italic", "link", "ol", "ul", "h3"])
    image = CaptionedImageBlock(label=_("image"))
    video = EmbedBlock(label=_("video"), help_text=_("A YouTube or Vimeo address."), icon="media",
                       template="cms/blocks/video.html")
    quote = QuoteBlock(label=_("quote"))
    key_facts = KeyFactsBlock(label=_("key facts"))
    products = ProductsBlock(label=_("products"))
