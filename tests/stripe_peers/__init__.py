"""The buyer's side of a card payment, played against localstripe: what Stripe.js and the bank do between our
redirect to the payment page and Stripe's redirect back. Also reads localstripe's events and registers webhooks."""

import os

import pytest
import requests

GOOD_CARD, DECLINED_CARD = "4242424242424242", "4000000000000341"  # localstripe declines this one at charge time
# Any sk_ key opens localstripe; this is the buyer's side, not the shop's key.
BUYER_SIDE = ("sk_test_buyer_side", "")


def localstripe_url():
    url = os.environ.get("LOCALSTRIPE_URL")
    if not url:
        pytest.fail("LOCALSTRIPE_URL is not set: run through `make test` (tests/services/stripe.sh starts it).")
    return url


def stripe_mock_url():
    url = os.environ.get("STRIPE_MOCK_URL")
    if not url:
        pytest.fail("STRIPE_MOCK_URL is not set: run through `make test` (tests/services/stripe.sh starts it).")
    return url


def _post(path, data):
    response = requests.post(localstripe_url() + path, data=data, auth=BUYER_SIDE, timeout=10)
    response.raise_for_status()
    return response.json()


def pay(payment_intent_id, card=GOOD_CARD):
    """Confirm a PaymentIntent with a card, as Stripe.js's confirmPayment does. Returns its new status."""
    method = _post("/v1/payment_methods", {"type": "card", "card[number]": card, "card[exp_month]": "12",
                                           "card[exp_year]": "2030", "card[cvc]": "123"})
    _post(f"/v1/payment_intents/{payment_intent_id}", {"payment_method": method["id"]})
    response = requests.post(f"{localstripe_url()}/v1/payment_intents/{payment_intent_id}/confirm",
                             auth=BUYER_SIDE, timeout=10)
    return response.json().get("status") if response.ok else "requires_payment_method"


def tamper_amount(payment_intent_id, amount):
    """Change what the PaymentIntent charges behind the shop's back (the mismatch case)."""
    _post(f"/v1/payment_intents/{payment_intent_id}", {"amount": amount})


def events_for(object_id, event_type):
    response = requests.get(localstripe_url() + "/v1/events", params={"type": event_type, "limit": 100},
                            auth=BUYER_SIDE, timeout=10)
    response.raise_for_status()
    return [event for event in response.json()["data"] if event["data"]["object"]["id"] == object_id]


def payment_intent(payment_intent_id):
    response = requests.get(f"{localstripe_url()}/v1/payment_intents/{payment_intent_id}", auth=BUYER_SIDE,
                            timeout=10)
    response.raise_for_status()
    return response.json()


def register_webhook(name, url, secret, events=None):
    data = {"url": url, "secret": secret}
    if events:
        data["events[]"] = events
    response = requests.post(f"{localstripe_url()}/_config/webhooks/{name}", data=data, timeout=10)
    response.raise_for_status()
