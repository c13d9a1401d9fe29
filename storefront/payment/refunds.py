"""Refunds recorded from Stripe's cumulative `amount_refunded`: the staff view and the `charge.refunded` webhook
both report the charge's total refunded so far, so either may arrive first, twice, or out of order and the order
ends with the same refund events and statuses."""

import logging
from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_class, get_model

Source = get_model("payment", "Source")
PaymentEventType = get_model("order", "PaymentEventType")
PaymentEvent = get_model("order", "PaymentEvent")
PaymentEventQuantity = get_model("order", "PaymentEventQuantity")
EventHandler = get_class("order.processing", "EventHandler")

logger = logging.getLogger(__name__)
REFUNDED, PARTIALLY_REFUNDED = "Refunded", "Partially refunded"


def record_refunded_total(payment_intent_id, amount_refunded, reference):
    """Bring the order in line with Stripe's refunded total for this payment. Returns the refunded delta."""
    with transaction.atomic():
        source = (Source.objects.select_for_update(of=("self",)).select_related("order")
                  .filter(reference=payment_intent_id).first())
        if source is None:
            logger.warning("Refund for PaymentIntent %s matches no order here; ignored", payment_intent_id)
            return Decimal(0)
        delta = Decimal(amount_refunded) - source.amount_refunded
        if delta <= 0:
            return Decimal(0)  # already recorded, or an older event arriving late
        source.refund(delta, reference=reference, status="succeeded")
        order = source.order
        fully = source.amount_refunded >= source.amount_debited
        event_type, __ = PaymentEventType.objects.get_or_create(name=REFUNDED if fully else PARTIALLY_REFUNDED)
        event = PaymentEvent.objects.create(order=order, event_type=event_type, amount=delta, reference=reference)
        if fully:
            for line in order.lines.all():
                PaymentEventQuantity.objects.create(event=event, line=line, quantity=line.quantity)
            # The order and its lines become Refunded and unshipped goods return to stock; a part refund is a
            # payment event only, and the order carries on being delivered (docs/orders.md).
            EventHandler().handle_full_refund(order)
        logger.info("Order %s: %s đồng refunded (total %s)", order.number, delta, source.amount_refunded)
        return delta
