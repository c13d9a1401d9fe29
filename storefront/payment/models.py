"""Card payments through Stripe. A PaymentAttempt is written before the buyer is sent to pay: it holds everything
needed to place the order (frozen basket, shipping address, method, totals), so the order can be placed by
whichever arrives first, the buyer's return or Stripe's webhook, exactly once."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentAttempt(models.Model):
    PENDING, PLACED, CANCELLED = "pending", "placed", "cancelled"
    FAILED, MISMATCH, UNFULFILLABLE = "failed", "mismatch", "unfulfillable"
    STATUS_CHOICES = [
        (PENDING, _("Waiting for payment")),
        (PLACED, _("Order placed")),
        (CANCELLED, _("Cancelled by the buyer at Stripe; basket given back")),
        (FAILED, _("Payment failed or abandoned")),  # set only by earlier versions, which gave the basket back
        (MISMATCH, _("Paid amount or currency differs from the order: refunded")),
        (UNFULFILLABLE, _("Paid but could not be fulfilled as paid: refunded")),
    ]
    #: The payment was refunded in full without an order: staff follow these up (dashboard list, admin filter).
    FLAGGED = (MISMATCH, UNFULFILLABLE)

    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    payment_intent_id = models.CharField(_("PaymentIntent"), max_length=255, unique=True, null=True, blank=True)
    order_number = models.CharField(_("order number"), max_length=128, unique=True)
    basket = models.ForeignKey("basket.Basket", null=True, on_delete=models.SET_NULL, related_name="+")
    # The goods and unit prices as frozen with the amount: [{product, stockrecord, quantity,
    # unit_price_excl_tax, unit_price_incl_tax}]. The order is placed only if the basket still holds exactly these.
    basket_lines = models.JSONField(default=list)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    guest_email = models.EmailField(blank=True)
    shipping_address = models.JSONField(default=dict)
    shipping_method_code = models.CharField(max_length=128)
    shipping_charge = models.DecimalField(max_digits=12, decimal_places=2)
    order_total = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=12)
    status = models.CharField(_("status"), max_length=16, choices=STATUS_CHOICES, default=PENDING)
    order = models.OneToOneField("order.Order", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="payment_attempt")
    problem = models.TextField(_("problem"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("card payment attempt")
        verbose_name_plural = _("card payment attempts")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.order_number} ({self.payment_intent_id or '-'})"

    @property
    def amount_in_minor_units(self):
        """Stripe's amount: VND is zero-decimal, so whole đồng (never x100)."""
        return int(self.order_total)


class StripeEvent(models.Model):
    """Every webhook event, stored once by its id: a replay or a duplicate finds it and changes nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=128)
    payload = models.JSONField()
    received = models.DateTimeField(auto_now_add=True)
    processed = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received"]

    def __str__(self):
        return f"{self.event_id} {self.type}"


from oscar.apps.payment.models import *  # noqa: E402,F401,F403  Oscar's models after ours (Oscar's fork rule)
