import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from storefront.inquiries.models import Unit

# The Harmonized System: 2-digit chapter (01–97), then heading, subheading and Viet Nam's (AHTN) 8-digit line.
HS_CODE_DIGITS = (4, 6, 8)


def normalise_hs_code(raw):
    """'2103.90.20', '21039020' or '2103 90 20' -> '2103.90.20'; a ValidationError otherwise."""
    digits = re.sub(r"[\s.]", "", raw or "")
    if not digits.isascii() or not digits.isdigit() or len(digits) not in HS_CODE_DIGITS:
        raise ValidationError(_("An HS code is 4, 6 or 8 digits, for example 2103.90 or 0902.10.10."))
    if not 1 <= int(digits[:2]) <= 97:
        raise ValidationError(_("An HS code starts with a chapter from 01 to 97."))
    return ".".join(filter(None, (digits[:4], digits[4:6], digits[6:8])))


class ExportProfile(models.Model):
    """What an importer asks before anything else. The English name and description are the product's own
    (its title and description in English), not repeated here."""

    product = models.OneToOneField("catalogue.Product", verbose_name=_("product"), on_delete=models.CASCADE,
                                   related_name="export_profile")
    packaging = models.CharField(_("export packaging"), max_length=200,
                                 help_text=_("For example: 500 ml glass bottle, 12 bottles per carton."))
    shelf_life_months = models.PositiveSmallIntegerField(_("shelf life (months)"))
    monthly_capacity = models.PositiveIntegerField(_("monthly capacity"))
    capacity_unit = models.CharField(_("capacity unit"), max_length=16, choices=Unit.choices)
    certifications = models.CharField(_("other certifications"), max_length=300, blank=True,
                                      help_text=_("Beyond OCOP: HACCP, ISO 22000, VietGAP, organic, halal…"))
    hs_code = models.CharField(_("HS code"), max_length=10, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("export details")
        verbose_name_plural = _("export details")

    def __str__(self):
        return str(self.product)

    def clean(self):
        if self.hs_code:
            self.hs_code = normalise_hs_code(self.hs_code)
