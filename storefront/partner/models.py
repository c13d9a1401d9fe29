from django.conf import settings
from django.db import models
from django.db.models.functions import Floor
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord

from storefront.ocop.collation import Vietnamese

from .prices import PRICE_CEILING, validate_price


class Partner(AbstractPartner):
    """An OCOP producer: a cooperative, cooperative group, small firm or registered household."""

    class LegalType(models.TextChoices):
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
        ENTERPRISE = "enterprise", _("Enterprise")
        HOUSEHOLD = "household", _("Household business")

    legal_type = models.CharField(_("legal type"), max_length=32, choices=LegalType.choices,
                                  default=LegalType.HOUSEHOLD)
    province = models.ForeignKey("ocop.Province", verbose_name=_("province/city"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="producers")
    commune = models.ForeignKey("ocop.Commune", verbose_name=_("commune/ward"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="producers")
    address = models.CharField(_("address"), max_length=255, blank=True,
                               help_text=_("House number, hamlet or residential group, street; "
                                           "choose the commune and province above."))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    description = models.TextField(_("introduction"), blank=True)
    verified = models.BooleanField(_("verified"), default=False,
                                   help_text=_("A programme officer has verified the producer's registration papers."))

    class Meta(AbstractPartner.Meta):
        ordering = [Vietnamese("name").asc(), "code"]

    @property
    def full_address(self):
        parts = [self.address, self.commune.name if self.commune else "", self.province.name if self.province else ""]
        return ", ".join(part for part in parts if part)


class StockRecord(AbstractStockRecord):
    """Oscar's stock record with its price kept sane in every form (validator) and in the database (CHECK):
    a positive whole number of đồng up to the ceiling, or no price at all (not for sale)."""

    price = models.DecimalField(_("Price"), decimal_places=2, max_digits=12, blank=True, null=True,
                                validators=[validate_price])

    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.CheckConstraint(
                name="partner_stockrecord_price_whole_dong_in_range",
                condition=models.Q(price__isnull=True) | (
                    models.Q(price__gt=0, price__lte=PRICE_CEILING) & models.Q(price=Floor("price"))),
            ),
        ]


class ProducerApplication(models.Model):
    """A producer asking to sell here (public form) or invited by staff; staff approve it in the dashboard,
    which links the applicant to a Partner and grants Oscar's partner dashboard access."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("producer name"), max_length=128)
    legal_type = models.CharField(_("legal type"), max_length=32, choices=Partner.LegalType.choices,
                                  default=Partner.LegalType.HOUSEHOLD)
    province = models.ForeignKey("ocop.Province", verbose_name=_("province/city"), on_delete=models.PROTECT,
                                 related_name="+")
    address = models.CharField(_("address"), max_length=255)
    phone = models.CharField(_("phone"), max_length=32)
    email = models.EmailField(_("email"))
    description = models.TextField(_("introduction"), blank=True)
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("applicant"), on_delete=models.CASCADE,
                                  related_name="producer_applications")
    partner = models.ForeignKey(Partner, verbose_name=_("producer"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="applications",
                                help_text=_("Set on approval: an existing producer, or the one created from this "
                                            "application."))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("producer application")
        verbose_name_plural = _("producer applications")

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


from oscar.apps.partner.models import *  # noqa: E402,F401,F403  Oscar's remaining partner models
