"""Showrooms and points of sale where buyers can see and buy OCOP products in person."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from storefront.ocop.collation import Vietnamese

from .base import ContentPage, IndexPage, buyable, public_products


class ShowroomIndexPage(IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ShowroomPage"]

    class Meta:
        verbose_name = _("showroom index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["showrooms"] = (ShowroomPage.objects.child_of(self).live().select_related("province")
                                .order_by(Vietnamese("province__name"), "title"))
        return context


class ShowroomPage(ContentPage):
    address = models.CharField(_("address"), max_length=255)
    province = models.ForeignKey("ocop.Province", verbose_name=_("province/city"), on_delete=models.PROTECT,
                                 related_name="showrooms")
    opening_hours = models.CharField(_("opening hours"), max_length=120,
                                     help_text=_("For example: 8:00–21:00 every day."))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel([
            FieldPanel("address"), FieldPanel("province"),
            FieldRowPanel([FieldPanel("opening_hours"), FieldPanel("phone")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        ], heading=_("where and when")),
        InlinePanel("showroom_products", label=_("products carried")),
    ]
    parent_page_types = ["cms.ShowroomIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("showroom")
        verbose_name_plural = _("showrooms")

    @classmethod
    def carrying(cls, product):
        """The live showrooms that stock `product`, by province then name: where to see or buy it offline."""
        return (cls.objects.live().filter(showroom_products__product=product).select_related("province")
                .order_by(Vietnamese("province__name"), "title").distinct())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        ids = self.showroom_products.values("product_id")
        context["products"] = list(buyable(public_products().filter(pk__in=ids)).order_by("title"))
        return context


class ShowroomProduct(Orderable):
    page = ParentalKey(ShowroomPage, on_delete=models.CASCADE, related_name="showroom_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                related_name="+")
    panels = [FieldPanel("product")]
