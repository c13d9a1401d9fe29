"""Shipping for a marketplace: every producer ships its own parcel, so the charge is a flat rate per producer,
waived when that producer's part of the basket reaches a threshold. Staff edit the tariffs in Django's admin."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProducerTariff(models.Model):
    """The flat rate one producer charges per order (the row without a producer is the default for all)."""

    producer = models.OneToOneField("partner.Partner", null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="shipping_tariff", verbose_name=_("producer"),
                                    help_text=_("Leave empty for the default tariff of every producer."))
    flat_rate = models.DecimalField(_("flat rate (₫)"), max_digits=12, decimal_places=0)
    free_from = models.DecimalField(_("free shipping from (₫)"), max_digits=12, decimal_places=0, null=True,
                                    blank=True, help_text=_("Goods of this producer worth at least this ship free."))

    class Meta:
        verbose_name = _("producer shipping tariff")
        verbose_name_plural = _("producer shipping tariffs")
        constraints = [models.UniqueConstraint(fields=["producer"], condition=models.Q(producer__isnull=True),
                                               name="one_default_shipping_tariff")]

    def __str__(self):
        return str(self.producer or _("Default tariff"))

    def charge_for(self, goods_total):
        if self.free_from is not None and goods_total >= self.free_from:
            return Decimal(0)
        return self.flat_rate


class OrderShipment(models.Model):
    """One producer's parcel in an order, with the shipping it was charged: what the order page shows."""

    order = models.ForeignKey("order.Order", on_delete=models.CASCADE, related_name="shipments",
                              verbose_name=_("order"))
    producer = models.ForeignKey("partner.Partner", null=True, on_delete=models.SET_NULL, related_name="+",
                                 verbose_name=_("producer"))
    producer_name = models.CharField(_("producer name"), max_length=255)
    goods_total = models.DecimalField(_("goods total"), max_digits=12, decimal_places=2)
    charge = models.DecimalField(_("shipping charge"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("order shipment")
        verbose_name_plural = _("order shipments")
        ordering = ["producer_name"]

    def __str__(self):
        return f"{self.order_id} / {self.producer_name}"


from oscar.apps.shipping.models import *  # noqa: E402,F401,F403  Oscar's models after ours (Oscar's fork rule)
