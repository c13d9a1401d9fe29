"""Wagtail pages. The home page for now; stories, provinces, campaigns, fairs and news join it."""

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from search.backends.database import badge_q
from storefront.ocop.models import today
from storefront.ocop.taxonomy import current_taxonomy


class HomePage(Page):
    """The site's root page: a hero, then certified products, sectors and provinces from the live catalogue."""

    hero_title = models.CharField(_("headline"), max_length=120)
    hero_text = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_count = models.PositiveSmallIntegerField(_("number of 5-star products shown"), default=8)

    content_panels = Page.content_panels + [FieldPanel("hero_title"), FieldPanel("hero_text"),
                                            FieldPanel("featured_count")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        Product = get_model("catalogue", "Product")
        Province = get_model("ocop", "Province")
        day = today()
        public = Product.objects.filter(is_public=True)
        context["top_products"] = list(
            public.filter(badge_q(day), current_certificate__stars=5)
            .select_related("current_certificate", "origin_province", "producer")
            .prefetch_related("images", "stockrecords")
            .order_by("-current_certificate__issued_on")[: self.featured_count]
        )
        context["taxonomy"] = current_taxonomy(day)
        context["provinces"] = (
            Province.objects.annotate(product_count=Count("products", filter=Q(products__is_public=True)))
            .filter(product_count__gt=0).order_by("-product_count", "name")
        )
        context["certified_count"] = public.filter(badge_q(day)).count()
        return context
