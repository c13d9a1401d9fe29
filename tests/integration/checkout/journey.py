"""A buyer's way through checkout with Django's test client, step by step, as the browser would go."""

import hashlib
import hmac
import json
import time

from django.conf import settings
from django.urls import reverse

from storefront.ocop.models import Commune, Province

GUEST_EMAIL = "nguoimua@example.vn"


def address_data(**overrides):
    province = Province.objects.get(code="01") if Province.objects.filter(code="01").exists() else Province.objects.first()
    commune = Commune.objects.filter(province=province).first()
    data = {"first_name": "Nguyễn Thị Lan", "phone_number": "0912 345 678", "province": province.pk,
            "commune": commune.pk if commune else "", "commune_other": "" if commune else "Phường Ba Đình",
            "line1": "12 Phố Hàng Bạc", "notes": ""}
    data.update(overrides)
    return data


def add_to_basket(client, product, quantity=1):
    response = client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    assert response.status_code == 302, response


def to_preview(client, products, method="cod", email=GUEST_EMAIL):
    """Basket -> guest e-mail -> address -> (the only) shipping method -> payment method -> preview."""
    for product, quantity in products:
        add_to_basket(client, product, quantity)
    if email:
        response = client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})
        assert response.status_code == 302, response.content[:2000]
    response = client.post(reverse("checkout:shipping-address"), address_data())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    client.get(reverse("checkout:shipping-method"))
    response = client.post(reverse("checkout:payment-method"), {"method": method})
    assert response.status_code == 302, response
    response = client.get(reverse("checkout:preview"))
    assert response.status_code == 200, response
    return response


def place_order(client):
    return client.post(reverse("checkout:preview"), {"action": "place_order"})


def signed(payload, secret=None, timestamp=None):
    """The Stripe-Signature header for a payload, made with Stripe's algorithm: HMAC-SHA256 over "t.payload"."""
    secret = secret or settings.STRIPE_WEBHOOK_SECRET
    timestamp = int(time.time()) if timestamp is None else timestamp
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    signature = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return body, f"t={timestamp},v1={signature}"


def post_event(client, event, **kwargs):
    body, header = signed(event, **kwargs)
    return client.post(reverse("payment:stripe-webhook"), body, content_type="application/json",
                       HTTP_STRIPE_SIGNATURE=header)
