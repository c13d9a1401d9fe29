"""Exactly one order per card payment, and only the order that was paid for.

The buyer's return, Stripe's `payment_intent.succeeded` webhook and the buyer's "Cancel" (when Stripe says the
payment already went through) all call place_order_for_payment(); the PaymentAttempt row is locked
(select_for_update) so the second caller waits, then finds the order the first one placed. The PaymentIntent id
is unique on the attempt and the order number unique on the order, so even a bug elsewhere cannot create a
second order.

The amount and the goods are fixed together when the basket is frozen (PaymentDetailsView.save_attempt): the
attempt keeps the basket's lines and unit prices next to its total. An order is placed only from that frozen
basket, holding exactly those lines, priced as frozen, and only when Stripe received exactly the attempt's
total in VND. A payment that cannot be fulfilled as paid (cancelled attempt, basket changed, sold out, amount or
currency differs) is refunded in full and flagged to staff (PaymentAttempt.FLAGGED)."""

import logging
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.partner.strategy import PurchaseInfo
from oscar.core.loading import get_class, get_model
from stripe import StripeError

from storefront.order.statuses import PAID

from . import gateway, sources

OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
FixedPrice = get_class("partner.prices", "FixedPrice")
Applicator = get_class("offer.applicator", "Applicator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
PaymentAttempt = get_model("payment", "PaymentAttempt")
ShippingAddress = get_model("order", "ShippingAddress")
Source = get_model("payment", "Source")

logger = logging.getLogger(__name__)
CARD_SOURCE = gettext_noop("Stripe card")  # stored in English; the thank-you page translates it
# What Stripe lets a shop cancel; "processing" and "succeeded" are the buyer's bank's business by then.
CANCELLABLE = ("requires_payment_method", "requires_confirmation", "requires_action", "requires_capture")


def frozen_lines(basket):
    """The snapshot kept with the amount: what the buyer is paying for, at the prices being paid."""
    return [{"product": line.product_id, "stockrecord": line.stockrecord_id, "quantity": line.quantity,
             "unit_price_excl_tax": str(line.unit_price_excl_tax), "unit_price_incl_tax": str(line.unit_price_incl_tax)}
            for line in basket.all_lines()]


def _goods(rows):
    return sorted((row["product"], row["stockrecord"], row["quantity"]) for row in rows)


def _goods_in(basket):
    return sorted(basket.lines.values_list("product_id", "stockrecord_id", "quantity"))


class FrozenPrices:
    """The buyer's pricing strategy with each line priced as it was when the basket was frozen: a price edited
    while the buyer pays changes neither the order nor what was paid."""

    def __init__(self, strategy, rows):
        self.strategy = strategy
        self.unit_prices = {row["stockrecord"]: (Decimal(row["unit_price_excl_tax"]),
                                                 Decimal(row["unit_price_incl_tax"])) for row in rows}

    def __getattr__(self, name):
        return getattr(self.strategy, name)

    def fetch_for_line(self, line, stockrecord=None):
        return self._frozen(self.strategy.fetch_for_line(line, stockrecord))

    def fetch_for_product(self, product, stockrecord=None):
        return self._frozen(self.strategy.fetch_for_product(product, stockrecord))

    def _frozen(self, info):
        prices = self.unit_prices.get(info.stockrecord.pk if info.stockrecord else None)
        if prices is None:
            return info
        excl_tax, incl_tax = prices
        return PurchaseInfo(price=FixedPrice(info.price.currency, excl_tax, tax=incl_tax - excl_tax),
                            availability=info.availability, stockrecord=info.stockrecord)


class PaidOrderPlacer(OrderPlacementMixin):
    """Places the order saved in a PaymentAttempt, with or without the buyer's request."""

    initial_status = PAID

    def __init__(self, attempt, request=None):
        self.attempt = attempt
        self.request = request

    def place(self, payment_intent):
        attempt = self.attempt
        basket = attempt.basket
        if basket is None:
            raise UnableToPlaceOrder(_("The basket of this payment no longer exists."))
        if basket.status != basket.FROZEN or not attempt.basket_lines or (
                _goods_in(basket) != _goods(attempt.basket_lines)):
            raise UnableToPlaceOrder(_("The basket was changed after it was sent to payment."))
        basket.strategy = FrozenPrices(Selector().strategy(user=attempt.user), attempt.basket_lines)
        basket.reset_offer_applications()
        Applicator().apply(basket, attempt.user or _anonymous())  # the offers the buyer saw at checkout, if they still run
        address = ShippingAddress(**attempt.shipping_address) if attempt.shipping_address else None
        method = next((m for m in Repository().get_shipping_methods(basket=basket, user=attempt.user,
                                                                     shipping_addr=address)
                       if m.code == attempt.shipping_method_code), None)
        if method is None:
            raise UnableToPlaceOrder(_("The shipping method of this payment is no longer available."))
        shipping_charge = method.calculate(basket)
        total = OrderTotalCalculator().calculate(basket, shipping_charge)
        amount = Decimal(attempt.order_total)
        if total.incl_tax != amount:
            raise UnableToPlaceOrder(_("The basket now comes to %(now)s đồng, but %(paid)s đồng was paid.")
                                     % {"now": int(total.incl_tax), "paid": int(amount)})
        self.add_payment_event("Paid", amount, reference=payment_intent.id)
        order_kwargs = {"guest_email": attempt.guest_email} if attempt.guest_email else {}
        order = self.place_order(order_number=attempt.order_number, user=attempt.user or _anonymous(), basket=basket,
                                 shipping_address=address, shipping_method=method, shipping_charge=shipping_charge,
                                 order_total=total, **order_kwargs)
        source_type = sources.source_type(CARD_SOURCE)
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
        if payment_intent.status != "succeeded" or attempt.status in PaymentAttempt.FLAGGED:
            return None  # not paid (yet), or paid, refunded and flagged already
        if attempt.status != PaymentAttempt.PENDING:
            # Cancelled (its basket given back to the buyer, maybe changed since): the money goes back.
            return _refund_and_flag(attempt, payment_intent, PaymentAttempt.UNFULFILLABLE,
                                    f"Paid after the attempt was {attempt.status}.", give_basket_back=False)
        received = payment_intent.to_dict().get("amount_received")
        if received != attempt.amount_in_minor_units or str(payment_intent.currency).lower() != gateway.CURRENCY:
            return _refund_and_flag(attempt, payment_intent, PaymentAttempt.MISMATCH,
                                    f"Stripe received {received} {payment_intent.currency}, the order expects "
                                    f"{attempt.amount_in_minor_units} {gateway.CURRENCY}.")
        try:
            with transaction.atomic():
                order = PaidOrderPlacer(attempt, request).place(payment_intent)
        except UnableToPlaceOrder as error:
            return _refund_and_flag(attempt, payment_intent, PaymentAttempt.UNFULFILLABLE, str(error))
        attempt.order = order
        attempt.status = PaymentAttempt.PLACED
        attempt.save(update_fields=["order", "status", "updated"])
        logger.info("Order %s placed for PaymentIntent %s", order.number, payment_intent.id)
        return order


def _refund_and_flag(attempt, payment_intent, status, reason, give_basket_back=True):
    """Paid, but not for an order we can place as paid: all the money goes back, and staff see the attempt.
    A StripeError propagates: the caller's transaction rolls back and Stripe's webhook retry tries again."""
    refund = gateway.refund(payment_intent.id, None, idempotency_key=f"unfulfillable-{attempt.idempotency_key}")
    attempt.status = status
    attempt.problem = f"{reason} Refunded in full ({refund.id})."
    attempt.save(update_fields=["status", "problem", "updated"])
    if give_basket_back and attempt.basket_id and attempt.basket.status == attempt.basket.FROZEN:
        attempt.basket.thaw()
    logger.error("Order %s: paid but NOT placed (%s); the payment %s was refunded in full",
                 attempt.order_number, reason, payment_intent.id)
    return None


def record_payment_failure(payment_intent):
    """A declined card: the PaymentIntent can still be paid with another card, so the attempt stays pending and
    its basket frozen; the reason is kept for staff. Only a cancellation at Stripe gives the basket back."""
    with transaction.atomic():
        attempt = PaymentAttempt.objects.select_for_update().filter(payment_intent_id=payment_intent.id).first()
        if attempt is None or attempt.status != PaymentAttempt.PENDING:
            return
        error = payment_intent.to_dict().get("last_payment_error") or {}
        attempt.problem = f"Payment failed: {error.get('message') or error.get('code') or 'no reason given'}"
        attempt.save(update_fields=["problem", "updated"])


def cancel_payment(attempt):
    """The buyer's "Cancel", decided by Stripe. Returns the PaymentIntent as it now stands (None when Stripe
    cannot be reached): "canceled" means the attempt is cancelled and its basket given back; "succeeded" or
    "processing" cannot be cancelled from the site."""
    try:
        intent = gateway.retrieve_payment_intent(attempt.payment_intent_id)
        if intent.status in CANCELLABLE:
            intent = gateway.cancel_payment_intent(attempt.payment_intent_id)
    except StripeError as error:
        logger.warning("Order %s: cancelling PaymentIntent %s failed (%s)", attempt.order_number,
                       attempt.payment_intent_id, error.__class__.__name__)
        try:  # the buyer may have paid in the meantime: Stripe then refuses the cancel
            intent = gateway.retrieve_payment_intent(attempt.payment_intent_id)
        except StripeError:
            return None
    if intent.status == "canceled":
        with transaction.atomic():
            locked = (PaymentAttempt.objects.select_for_update(of=("self",)).select_related("basket")
                      .get(pk=attempt.pk))
            if locked.status == PaymentAttempt.PENDING:
                locked.status = PaymentAttempt.CANCELLED
                locked.save(update_fields=["status", "updated"])
                if locked.basket_id and locked.basket.status == locked.basket.FROZEN:
                    locked.basket.thaw()  # safe now: Stripe will take no money for this attempt
    return intent
