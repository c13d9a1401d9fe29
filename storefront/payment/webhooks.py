"""Stripe's webhook: the signature is checked with Stripe's own algorithm and tolerance, both ways (neither too
old nor dated in the future); each event is stored once by its id, and handling runs in the same transaction as
the store: a failure rolls both back and Stripe's retry starts afresh; a replay or duplicate finds the event
processed and changes nothing."""

import logging
import time

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from .placement import place_order_for_payment, record_payment_failure
from .refunds import record_refunded_total

StripeEvent = get_model("payment", "StripeEvent")
logger = logging.getLogger(__name__)
# Stripe's library refuses signatures older than this; we also refuse those dated this far ahead (a replayable
# event signed "in the future" would otherwise stay valid for as long as its forger liked).
TOLERANCE_SECONDS = stripe.Webhook.DEFAULT_TOLERANCE


def signed_too_far_ahead(header):
    """Whether the Stripe-Signature header's timestamp `t=` is more than the tolerance after now."""
    stamps = [value for key, __, value in (item.strip().partition("=") for item in header.split(",")) if key == "t"]
    try:
        return int(stamps[0]) > time.time() + TOLERANCE_SECONDS
    except (IndexError, ValueError):
        return True


def handle_payment_succeeded(payment_intent):
    order = place_order_for_payment(payment_intent)
    return f"order {order.number}" if order else "no order placed"


def handle_payment_failed(payment_intent):
    record_payment_failure(payment_intent)
    return "failure recorded"


def handle_charge_refunded(charge):
    delta = record_refunded_total(charge.payment_intent, charge.amount_refunded, reference=charge.id)
    return f"refunded {delta}"


HANDLERS = {
    "payment_intent.succeeded": handle_payment_succeeded,
    "payment_intent.payment_failed": handle_payment_failed,
    "charge.refunded": handle_charge_refunded,
}


@csrf_exempt
@require_POST
def stripe_webhook(request):
    if not settings.STRIPE_WEBHOOK_SECRET:  # an empty secret would accept payloads signed with an empty key
        return HttpResponseBadRequest("webhooks are not configured")
    try:
        event = stripe.Webhook.construct_event(request.body, request.headers.get("Stripe-Signature"),
                                               settings.STRIPE_WEBHOOK_SECRET, tolerance=TOLERANCE_SECONDS)
    except ValueError:
        return HttpResponseBadRequest("invalid payload")
    except stripe.SignatureVerificationError:
        logger.warning("Stripe webhook with a bad or missing signature refused")
        return HttpResponseBadRequest("invalid signature")
    if signed_too_far_ahead(request.headers["Stripe-Signature"]):
        logger.warning("Stripe webhook signed with a timestamp in the future refused")
        return HttpResponseBadRequest("signature timestamp in the future")
    with transaction.atomic():
        stored, __ = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type, "payload": event.to_dict()})
        stored = StripeEvent.objects.select_for_update().get(pk=stored.pk)
        if stored.processed:
            return HttpResponse("already processed")
        handler = HANDLERS.get(event.type)
        stored.outcome = handler(event.data.object) if handler else "ignored"
        stored.processed = timezone.now()
        stored.save(update_fields=["outcome", "processed"])
    logger.info("Stripe event %s (%s): %s", event.id, event.type, stored.outcome)
    return HttpResponse(stored.outcome)
