"""What the content pages share: an introduction, a hero image, a body, and product queries."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import BaseStreamBlock


def buyable(products):
    """The related rows a product card and buy box read, in a fixed number of queries however many products:
    Oscar's base_queryset (product class, option flags, children, stock records, images) and ours."""
    return products.base_queryset().select_related("current_certificate", "origin_province", "producer")


def public_products():
    Product = get_model("catalogue", "Product")
    return Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])


class IndexPage(Page):
    """A listing page: a title, an introduction, its children."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    show_in_menus_default = True  # a section of the site: the header menu lists it unless an editor says not

    class Meta:
        abstract = True


class ContentPage(Page):
    """A page with a hero image, a summary and a stream body."""

    summary = models.TextField(_("summary"), blank=True, max_length=400,
                               help_text=_("One or two sentences for listings and link previews."))
    hero_image = models.ForeignKey("wagtailimages.Image", verbose_name=_("hero image"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("hero_image"), FieldPanel("body")]

    class Meta:
        abstract = True

    og_type = "website"  # Open Graph: stories and news are "article"
