from django.db import models
from django.utils.functional import cached_property
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

    def build_search_text(self):
        parts = [self.title, self.upc or "", self.code or ""]
        for related in (self.classification, self.origin_province, self.producer):
            if related is not None:
                parts.append(related.name)
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
