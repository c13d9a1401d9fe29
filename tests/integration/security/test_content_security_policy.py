"""Every page carries a Content-Security-Policy: our inline scripts run by the request's nonce, Stripe.js may
load and frame, and only Wagtail's admin may run inline scripts (its widgets write them without a nonce).
The browser journeys (tests/e2e) fail on any violation Chromium reports."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@pytest.mark.parametrize("url", ["/", "/catalogue/", "/search/?q=tra", "/basket/", "/accounts/login/",
                                 "/verify/", "/producers/apply/", "/dashboard/login/", "/admin/login/",
                                 "/cms/login/"])
def test_pages_carry_the_policy(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["base-uri"] == ["'self'"]
    assert "https://js.stripe.com" in policy["frame-src"] and "https://api.stripe.com" in policy["connect-src"]


def test_the_storefronts_inline_script_runs_by_the_nonce_in_the_header(client):
    response = client.get("/")
    script_src = directives(response)["script-src"]
    assert "'unsafe-inline'" not in script_src and "https://js.stripe.com" in script_src
    [nonce] = re.findall(r"<script nonce=\"([^\"]+)\">", response.content.decode())
    assert f"'nonce-{nonce}'" in script_src
    assert client.get("/").content.decode().count(nonce) == 0  # a new one on every response


def test_the_dashboard_runs_its_inline_script_by_nonce_too(client):
    response = client.get(reverse("dashboard:login"))
    script_src = directives(response)["script-src"]
    assert "'unsafe-inline'" not in script_src and any(value.startswith("'nonce-") for value in script_src)


def test_only_wagtails_admin_may_run_inline_scripts_and_styles(client):
    cms = directives(client.get("/cms/login/"))
    assert cms["script-src"] == ["'self'", "'unsafe-inline'"] and cms["style-src"] == ["'self'", "'unsafe-inline'"]
    for url in ["/", "/admin/login/", "/dashboard/login/"]:
        policy = directives(client.get(url))
        assert "'unsafe-inline'" not in policy["script-src"] + policy["style-src"]
