"""The home page: staff choose the featured campaign, 5-star products, fairs, sectors, provinces and stories in
the admin; whatever they leave empty is filled from live content so the page is never bare."""

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from oscar.core.loading import get_model
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from storefront.catalogue.caching import prices_and_stock, remember_shown, shown_version
from storefront.kept_pages import kept_page
from storefront.ocop.collation import Vietnamese
from storefront.ocop.models import badge_q, today
from storefront.ocop.taxonomy import current_taxonomy

from .base import buyable, public_products


class HomePage(Page):
    """The site's root page."""

    hero_title = models.CharField(_("headline"), max_length=120)
    hero_text = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_count = models.PositiveSmallIntegerField(_("number of 5-star products shown"), default=8)
    featured_campaign = models.ForeignKey(
        "cms.CampaignPage", verbose_name=_("featured campaign"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("Left empty (or once it ends), the running campaign ending soonest shows."))
    sectors = ParentalManyToManyField(
        "ocop.TaxonomyNode", verbose_name=_("sectors to browse"), blank=True, related_name="+",
        limit_choices_to={"level": "sector"},
        help_text=_("Left empty, every sector shows."))
    provinces = ParentalManyToManyField(
        "ocop.Province", verbose_name=_("provinces to browse"), blank=True, related_name="+",
        help_text=_("Left empty, every province with products shows."))

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"), FieldPanel("hero_text"),
        FieldPanel("featured_campaign"),
        MultiFieldPanel([FieldPanel("featured_count"), InlinePanel("featured_products", label=_("product"))],
                        heading=_("5-star products")),
        InlinePanel("featured_fairs", label=_("upcoming fairs"), max_num=6),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("provinces", widget=forms.CheckboxSelectMultiple),
        InlinePanel("featured_stories", label=_("stories"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.StoryIndexPage", "cms.ProvinceIndexPage", "cms.CampaignIndexPage", "cms.FairIndexPage",
                     "cms.ShowroomIndexPage", "cms.NewsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    # Each picker returns the staff's choice that is still valid today, else the automatic fallback.
    def pick_campaign(self, day):
        from .campaigns import CampaignPage

        running = CampaignPage.running(day)
        if self.featured_campaign_id and running.filter(pk=self.featured_campaign_id).exists():
            return self.featured_campaign
        return running.order_by("ends_on").first()

    def pick_products(self, day):
        five_star = public_products().filter(badge_q(day), current_certificate__stars=5)
        chosen = [link.product_id for link in self.featured_products.all()]
        if chosen:
            found = {p.pk: p for p in buyable(five_star.filter(pk__in=chosen))}
            picked = [found[pk] for pk in chosen if pk in found][: self.featured_count]
            if picked:
                return picked
        return list(buyable(five_star).order_by("-current_certificate__issued_on")[: self.featured_count])

    def pick_fairs(self, day):
        from .fairs import FairPage

        upcoming = FairPage.upcoming(day)
        chosen = [link.fair_id for link in self.featured_fairs.all()]
        picked = list(upcoming.filter(pk__in=chosen)) if chosen else []
        return sorted(picked, key=lambda fair: fair.starts_on) or list(upcoming[:3])

    def pick_stories(self):
        from .stories import ProductStoryPage

        live = ProductStoryPage.objects.live().select_related("hero_image")
        chosen = [link.story_id for link in self.featured_stories.all()]
        found = {story.pk: story for story in live.filter(pk__in=chosen)}
        # newest first; pages published together (or never: first_published_at empty) newest created first
        newest = live.order_by("-first_published_at", "-pk")
        return [found[pk] for pk in chosen if pk in found] or list(newest[:3])

    def pick_sectors(self, day):
        taxonomy = current_taxonomy(day)
        chosen = set(self.sectors.values_list("code", flat=True))
        return [sector for sector in taxonomy.sectors if not chosen or sector.code in chosen]

    def pick_provinces(self):
        Province = get_model("ocop", "Province")
        provinces = (Province.objects.annotate(product_count=Count("products", filter=Q(products__is_public=True)))
                     .filter(product_count__gt=0).select_related("page"))
        chosen = self.provinces.all()
        if chosen.exists():
            return provinces.filter(pk__in=chosen).order_by(Vietnamese("name"))
        return provinces.order_by("-product_count", Vietnamese("name"))

    def serve(self, request, *args, **kwargs):
        """Kept whole for a blank visitor (storefront/kept_pages.py), under the 5-star cards' prices and stock."""
        return kept_page(request, "home",
                         lambda: (self.pk, shown_version(), prices_and_stock(self.top_product_ids(today()))),
                         lambda: super(HomePage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        """The blocks are lazy: the template renders them inside {% cache %} keyed by the shown version
        (storefront/catalogue/caching.py), so a cached home page reads none of them. The 5-star products are
        read fresh (their cards show prices and stock) when their grid is not kept ({% shown_fragment %})."""
        context = super().get_context(request, *args, **kwargs)
        day = today()
        context["day"] = day
        context["shown_version"] = shown_version()
        context["campaign"] = SimpleLazyObject(lambda: self.pick_campaign(day))
        context["top_product_ids"] = chosen = self.top_product_ids(day)
        context["top_products"] = SimpleLazyObject(lambda: self.top_products(chosen))
        context["fairs"] = SimpleLazyObject(lambda: self.pick_fairs(day))
        context["stories"] = SimpleLazyObject(self.pick_stories)
        context["sectors"] = SimpleLazyObject(lambda: self.pick_sectors(day))
        context["provinces"] = SimpleLazyObject(lambda: list(self.pick_provinces()))
        context["certified_count"] = SimpleLazyObject(lambda: public_products().filter(badge_q(day)).count())
        return context

    def top_product_ids(self, day):
        return remember_shown("home-products", (self.pk, day), lambda: [p.pk for p in self.pick_products(day)])

    def top_products(self, chosen):
        found = {p.pk: p for p in buyable(public_products().filter(pk__in=chosen))}
        return [found[pk] for pk in chosen if pk in found]


class HomeFeaturedProduct(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_products")
    product = models.ForeignKey("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                related_name="+")
    panels = [FieldPanel("product")]


class HomeFeaturedFair(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_fairs")
    fair = models.ForeignKey("cms.FairPage", verbose_name=_("fair"), on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("fair")]


class HomeFeaturedStory(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_stories")
    story = models.ForeignKey("cms.ProductStoryPage", verbose_name=_("story"), on_delete=models.CASCADE,
                              related_name="+")
    panels = [FieldPanel("story")]
