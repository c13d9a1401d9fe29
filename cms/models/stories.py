"""Product stories: how a speciality is made, told with text, photos, video, quotes and key facts, selling the
products it is about through live buy boxes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .base import ContentPage, IndexPage, buyable


class StoryIndexPage(IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProductStoryPage"]

    class Meta:
        verbose_name = _("product story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (ProductStoryPage.objects.child_of(self).live().specific()
                              .select_related("hero_image").order_by("-first_published_at"))
        return context


class ProductStoryPage(ContentPage):
    producer = models.ForeignKey("partner.Partner", verbose_name=_("producer"), null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="stories",
                                 help_text=_("The producer the story is about, if it is about one."))

    content_panels = ContentPage.content_panels + [
        FieldPanel("producer"),
        InlinePanel("story_products", label=_("products in this story"), min_num=1),
    ]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []
    og_type = "article"

    class Meta:
        verbose_name = _("product story")
        verbose_name_plural = _("product stories")

    @property
    def products(self):
        return [link.product for link in self.story_products.all() if link.product.is_public]

    def get_context(self, request, *args, **kwargs):
        from oscar.core.loading import get_model

        context = super().get_context(request, *args, **kwargs)
        ids = [link.product_id for link in self.story_products.all()]
        products = {p.pk: p for p in buyable(get_model("catalogue", "Product").objects.filter(
            pk__in=ids, is_public=True))}
        context["products"] = [products[pk] for pk in ids if pk in products]
        return context

    @classmethod
    def about_product(cls, product):
        """Live stories that sell `product`: the product page links back to them."""
        return cls.objects.live().filter(story_products__product=product).distinct().order_by("-first_published_at")


class StoryProduct(Orderable):
    page = ParentalKey(ProductStoryPage, on_delete=models.CASCADE, related_name="story_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                related_name="+")
    panels = [FieldPanel("product")]
