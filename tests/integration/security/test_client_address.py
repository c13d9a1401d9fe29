"""One owner of "who is the client": behind the configured proxies each visitor is counted on their own, and
without a configured proxy a forwarded-for header is ignored (anyone can send one)."""

import time

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.test import RequestFactory
from django.urls import reverse

from storefront.clients import client_ip

PROXY = "10.0.0.5"  # the reverse proxy: REMOTE_ADDR of every request that comes through it


def request_from(remote_addr, forwarded_for=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, **extra)


def test_without_a_configured_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.7", forwarded_for="198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(("forwarded_for", "client"), [
    ("203.0.113.7", "203.0.113.7"),
    ("6.6.6.6, 203.0.113.7", "203.0.113.7"),  # whatever the client wrote first is not believed
    ("2001:db8::1", "2001:db8::1"),
    ("", PROXY),  # the proxy always writes one: a request without it did not come through the proxy
    ("not-an-address", PROXY),
])
def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(settings, forwarded_for, client):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request_from(PROXY, forwarded_for)) == client


def test_behind_two_proxies_the_client_is_the_second_address_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from(PROXY, "6.6.6.6, 203.0.113.7, 10.0.0.9")) == "203.0.113.7"


def test_the_header_name_is_configurable(settings):
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_HEADER = 1, "X-Real-IP"
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="203.0.113.7",
                                   HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_ip(request) == "203.0.113.7"


# --- the /verify/ rate limit asks the same helper and counts in the default (shared) cache -----------------

@pytest.fixture
def verify_limit(db, settings):
    cache.clear()
    settings.OCOP_VERIFY_RATE_LIMIT_REQUESTS = 2
    yield reverse("ocop:verify", kwargs={"number": "NO-SUCH-9"})
    cache.clear()


def test_behind_the_proxy_two_visitors_have_separate_verify_limits(client, settings, verify_limit):
    settings.TRUSTED_PROXY_COUNT = 1
    first = [client.get(verify_limit, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code
             for _ in range(3)]
    assert first == [404, 404, 429]
    assert client.get(verify_limit, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 404


def test_a_spoofed_forwarded_header_does_not_escape_the_verify_limit_without_a_proxy(client, settings, verify_limit):
    settings.TRUSTED_PROXY_COUNT = 0
    statuses = [client.get(verify_limit, REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
                for n in range(3)]
    assert statuses == [404, 404, 429]


def test_the_verify_limit_counts_in_the_default_cache(client, settings, verify_limit):
    with time_machine.travel("2026-11-23 09:00:30", tick=False):
        client.get(verify_limit, REMOTE_ADDR="203.0.113.8")
        bucket = int(time.time() // settings.OCOP_VERIFY_RATE_LIMIT_WINDOW)
        assert caches["default"].get(f"ratelimit:verify:203.0.113.8:{bucket}") == 1


# --- sign-in throttling asks it too ---------------------------------------------------------------------

@pytest.fixture
def account(db):
    return get_user_model().objects.create_user(username="khach-quen", email="khach.quen@example.vn",
                                                password="mat-khau-dung-2026")


def sign_in(client, account, password, **meta):
    return client.post("/accounts/login/", {"login-username": account.email, "login-password": password,
                                            "login_submit": "1"}, **meta)


def test_behind_the_proxy_a_locked_out_visitor_does_not_lock_out_another(client, settings, account):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, account, "sai", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccessAttempt.objects.get(username=account.username).ip_address == "203.0.113.7"
    assert sign_in(client, account, "mat-khau-dung-2026", REMOTE_ADDR=PROXY,
                   HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    assert sign_in(client, account, "mat-khau-dung-2026", REMOTE_ADDR=PROXY,
                   HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 302


def test_a_spoofed_forwarded_header_does_not_escape_the_lockout_without_a_proxy(client, settings, account):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, account, "sai", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert sign_in(client, account, "mat-khau-dung-2026", REMOTE_ADDR="203.0.113.7",
                   HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
