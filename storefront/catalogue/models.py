from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct

from storefront.ocop.models import today
from storefront.ocop.text import fold


class Product(AbstractProduct):
    """An OCOP product: where it sits in the taxonomy, where it comes from, who makes it, and the
    certificate its stars come from (a producer never sets stars)."""

    classification = models.ForeignKey(
        "ocop.TaxonomyNode", verbose_name=_("product set (OCOP classification)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="products", limit_choices_to={"level": "product_set"},
    )
    origin_province = models.ForeignKey(
        "ocop.Province", verbose_name=_("province/city of origin"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="products",
    )
    producer = models.ForeignKey(
        "partner.Partner", verbose_name=_("OCOP producer"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="products",
    )
    story = models.TextField(_("product story"), blank=True,
                             help_text=_("Where it comes from, how it is made, what makes the product "
                                         "(part B of the criteria)."))
    unit = models.CharField(_("pack size"), max_length=64, blank=True,
                            help_text=_("For example: 500 ml bottle, 200 g box."))
    search_text = models.TextField(editable=False, blank=True,
                                   help_text="Title, origin and producer without diacritics, for the database search.")
    current_certificate = models.ForeignKey(
        "ocop.Certificate", verbose_name=_("current certificate"), null=True, blank=True, editable=False,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta(AbstractProduct.Meta):
        pass

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        super().save(*args, **kwargs)

    def build_search_text(self, legacy_names=None):
        """Everything a buyer may type to find the product, folded: title, codes, description and story, the
        classification from product set up to sector, the province with the former provinces merged into it
        (“Kiên Giang” finds An Giang's products), the producer and its commune. Both search backends match
        these words (search/matching.py). `legacy_names` ({province code: [former names]}) spares a bulk load a
        query per product."""
        # the Vietnamese columns, whatever the request's language (`title` reads the active one)
        parts = [self.title_vi or "", self.upc or "", self.code or "", strip_tags(self.description_vi or ""),
                 strip_tags(self.story_vi or "")]
        node = self.classification
        while node is not None:
            parts.append(node.name_vi or "")
            node = node.parent
        province = self.origin_province
        if province is not None:
            parts.append(province.name_vi or "")
            if legacy_names is None:
                legacy_names = {province.code: list(province.legacy_provinces.values_list("name", flat=True))}
            parts.extend(legacy_names.get(province.code, []))
        if self.producer is not None:
            parts.append(self.producer.name)
            if self.producer.commune is not None:
                parts.append(self.producer.commune.name)
        return fold(" ".join(parts))

    def refresh_current_certificate(self):
        """The current certificate is the latest issued one, revoked or not: a revocation removes the badge
        rather than falling back to an older certificate it replaced."""
        latest = self.certificates.order_by("-issued_on", "-pk").first()
        if latest is None or latest.pk != self.current_certificate_id:
            self.current_certificate = latest
            type(self).objects.filter(pk=self.pk).update(current_certificate=latest)

    @cached_property
    def ocop_certificate(self):
        """The certificate behind the badge, only while it shows one today; None otherwise."""
        certificate = self.current_certificate
        if certificate is not None and certificate.shows_badge_on(today()):
            return certificate
        return None

    @property
    def sorted_recommended_products(self):
        """Oscar's, ranked the same, with what their cards show read in a fixed number of queries."""
        from .caching import remember_shown
        from .templatetags.product_cards import buyable_by_ids

        ids = remember_shown("recommended", (self.pk,), lambda: list(
            self.primary_recommendations.values_list("recommendation_id", flat=True)))
        return buyable_by_ids(ids)

    @property
    def ocop_stars(self):
        certificate = self.ocop_certificate
        return certificate.stars if certificate else None

    @property
    def sector(self):
        return self.classification.ancestor("sector") if self.classification else None

    @property
    def group(self):
        return self.classification.ancestor("group") if self.classification else None


from oscar.apps.catalogue.models import *  # noqa: E402,F401,F403  Oscar's remaining catalogue models
