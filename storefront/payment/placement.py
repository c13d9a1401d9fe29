"""Exactly one order per card payment. The buyer's return and Stripe's `payment_intent.succeeded` webhook both
call place_order_for_payment(); the PaymentAttempt row is locked (select_for_update) so the second caller waits,
then finds the order the first one placed. The PaymentIntent id is unique on the attempt and the order number
unique on the order, so even a bug elsewhere cannot create a second order."""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.core.loading import get_class, get_model

from . import gateway

OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
PaymentAttempt = get_model("payment", "PaymentAttempt")
ShippingAddress = get_model("order", "ShippingAddress")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

logger = logging.getLogger(__name__)
CARD_SOURCE = "Stripe card"


class PaidOrderPlacer(OrderPlacementMixin):
    """Places the order saved in a PaymentAttempt, with or without the buyer's request."""

    initial_status = "Paid"

    def __init__(self, attempt, request=None):
        self.attempt = attempt
        self.request = request

    def place(self, payment_intent):
        attempt = self.attempt
        basket = attempt.basket
        if basket is None:
            raise UnableToPlaceOrder(_("The basket of this payment no longer exists."))
        basket.strategy = Selector().strategy(user=attempt.user)
        address = ShippingAddress(**attempt.shipping_address) if attempt.shipping_address else None
        method = next((m for m in Repository().get_shipping_methods(basket=basket, user=attempt.user,
                                                                     shipping_addr=address)
                       if m.code == attempt.shipping_method_code), None)
        if method is None:
            raise UnableToPlaceOrder(_("The shipping method of this payment is no longer available."))
        shipping_charge = method.calculate(basket)
        total = OrderTotalCalculator().calculate(basket, shipping_charge)
        amount = Decimal(attempt.order_total)
        self.add_payment_event("Paid", amount, reference=payment_intent.id)
        order_kwargs = {"guest_email": attempt.guest_email} if attempt.guest_email else {}
        order = self.place_order(order_number=attempt.order_number, user=attempt.user or _anonymous(), basket=basket,
                                 shipping_address=address, shipping_method=method, shipping_charge=shipping_charge,
                                 order_total=total, **order_kwargs)
        source_type, __ = SourceType.objects.get_or_create(name=CARD_SOURCE)
        source = Source.objects.create(order=order, source_type=source_type, currency=attempt.currency,
                                       amount_allocated=amount, reference=payment_intent.id)
        source.debit(amount, reference=_charge_id(payment_intent), status="succeeded")
        basket.submit()
        self.send_order_placed_email(order)
        return order


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def _charge_id(payment_intent):
    # Stripe sends the charge's id; localstripe expands the charge object.
    charge = payment_intent.to_dict().get("latest_charge")
    return charge if isinstance(charge, str) else (charge or {}).get("id", "")


def place_order_for_payment(payment_intent, request=None):
    """Place the order for a succeeded PaymentIntent (a Stripe object or event payload), at most once.
    Returns the order, or None when there is nothing (more) to place."""
    with transaction.atomic():
        attempt = (PaymentAttempt.objects.select_for_update(of=("self",)).select_related("basket", "user", "order")
                   .filter(payment_intent_id=payment_intent.id).first())
        if attempt is None:
            logger.warning("PaymentIntent %s matches no payment attempt here; ignored", payment_intent.id)
            return None
        if attempt.order_id:
            return attempt.order
        if attempt.status in (PaymentAttempt.MISMATCH, PaymentAttempt.UNFULFILLABLE):
            return None
        if payment_intent.status != "succeeded":
            return None
        if (payment_intent.amount != attempt.amount_in_minor_units
                or str(payment_intent.currency).lower() != gateway.CURRENCY):
            attempt.status = PaymentAttempt.MISMATCH
            attempt.problem = (f"Stripe reports {payment_intent.amount} {payment_intent.currency}, the order "
                               f"expects {attempt.amount_in_minor_units} {gateway.CURRENCY}")
            attempt.save(update_fields=["status", "problem", "updated"])
            logger.error("Order %s: NOT placed, %s (PaymentIntent %s). Staff: check it in Stripe.",
                         attempt.order_number, attempt.problem, payment_intent.id)
            return None
        try:
            with transaction.atomic():
                order = PaidOrderPlacer(attempt, request).place(payment_intent)
        except UnableToPlaceOrder as error:
            return _refund_unfulfillable(attempt, payment_intent, str(error))
        attempt.order = order
        attempt.status = PaymentAttempt.PLACED
        attempt.save(update_fields=["order", "status", "updated"])
        logger.info("Order %s placed for PaymentIntent %s", order.number, payment_intent.id)
        return order


def _refund_unfulfillable(attempt, payment_intent, reason):
    """Paid, but the goods sold out meanwhile: give the money back rather than oversell."""
    gateway.refund(payment_intent.id, attempt.order_total, idempotency_key=f"unfulfillable-{attempt.idempotency_key}")
    attempt.status = PaymentAttempt.UNFULFILLABLE
    attempt.problem = reason
    attempt.save(update_fields=["status", "problem", "updated"])
    if attempt.basket_id:
        attempt.basket.thaw()
    logger.error("Order %s: paid but NOT placed (%s); the payment %s was refunded in full",
                 attempt.order_number, reason, payment_intent.id)
    return None


def mark_payment_failed(payment_intent):
    """A failed payment allocates nothing: the attempt is marked, the basket becomes editable again."""
    with transaction.atomic():
        attempt = PaymentAttempt.objects.select_for_update().filter(payment_intent_id=payment_intent.id).first()
        if attempt is None or attempt.status != PaymentAttempt.PENDING:
            return
        attempt.status = PaymentAttempt.FAILED
        attempt.save(update_fields=["status", "updated"])
        if attempt.basket_id and attempt.basket.status == attempt.basket.FROZEN:
            attempt.basket.thaw()
