"""Campaigns: a dated promotion of chosen products or an Oscar range, optionally with an Oscar offer whose
discounted prices show. A campaign leaves every listing by itself the day after it ends."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from storefront.ocop.models import today

from .base import ContentPage, IndexPage, buyable, public_products


class CampaignIndexPage(IndexPage):
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns"] = CampaignPage.listed(today()).child_of(self)
        return context


class CampaignPage(ContentPage):
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    product_range = models.ForeignKey("offer.Range", verbose_name=_("product range"), null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+",
                                      help_text=_("An Oscar range; its products join the ones chosen below."))
    offer = models.ForeignKey("offer.ConditionalOffer", verbose_name=_("offer"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              help_text=_("An Oscar offer: its discounted prices show on the campaign page."))

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])], heading=_("dates")),
        FieldPanel("product_range"),
        FieldPanel("offer"),
        InlinePanel("campaign_products", label=_("products")),
    ]
    parent_page_types = ["cms.CampaignIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A campaign cannot end before it starts.")})

    @classmethod
    def listed(cls, day):
        """Live campaigns that have not ended on `day`: ended ones drop out of every listing."""
        return cls.objects.live().filter(ends_on__gte=day).order_by("starts_on")

    @classmethod
    def running(cls, day):
        return cls.listed(day).filter(starts_on__lte=day)

    def is_running(self, day=None):
        day = day or today()
        return self.starts_on <= day <= self.ends_on

    def has_ended(self, day=None):
        return (day or today()) > self.ends_on

    def get_products(self, limit=48):
        chosen = [link.product_id for link in self.campaign_products.all()]
        products = public_products().filter(pk__in=chosen)
        if self.product_range_id:
            ranged = self.product_range.all_products().values("pk")
            products = public_products().filter(models.Q(pk__in=chosen) | models.Q(pk__in=ranged))
        found = {p.pk: p for p in buyable(products)[:limit]}
        ordered = [found.pop(pk) for pk in chosen if pk in found]
        return ordered + sorted(found.values(), key=lambda p: p.title)

    def get_context(self, request, *args, **kwargs):
        # Prices come from the buy boxes (storefront.catalogue.pricing): the running offers, this one included.
        context = super().get_context(request, *args, **kwargs)
        context["products"] = self.get_products()
        context["ended"] = self.has_ended()
        return context


class CampaignProduct(Orderable):
    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="campaign_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                related_name="+")
    panels = [FieldPanel("product")]
