"""Every sign-in form locks an account out for one client after too many wrong passwords (django-axes),
with a clear message; other clients still sign in, and the lockout ends by itself after the cool-off."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.integration.checkout.journey import add_to_basket

PASSWORD = "mat-khau-dung-2026"
ATTACKER, OWNER = "203.0.113.66", "198.51.100.21"
LOCKED_OUT = "Quá nhiều lần nhập sai mật khẩu"


def sign_in_to(form, email, username):
    """(url, POST data) for each sign-in form, given the password to try."""
    forms = {
        "storefront": ("/accounts/login/", lambda pw: {"login-username": email, "login-password": pw,
                                                       "login_submit": "1"}),
        "checkout": ("/checkout/", lambda pw: {"username": email, "options": "existing", "password": pw}),
        "dashboard": ("/dashboard/login/", lambda pw: {"username": email, "password": pw}),
        "admin": ("/admin/login/", lambda pw: {"username": username, "password": pw, "next": "/admin/"}),
        "cms": ("/cms/login/", lambda pw: {"username": username, "password": pw}),
    }
    return forms[form]


@pytest.fixture
def account(db):
    return get_user_model().objects.create_superuser(username="chu-htx", email="chu.htx@example.vn",
                                                     password=PASSWORD)


def client_at(address, form):
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="vi")
    if form == "checkout":  # the gateway asks only when there is something to buy
        add_to_basket(client, factories.product())
    return client


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("form", ["storefront", "checkout", "dashboard", "admin", "cms"])
def test_after_too_many_wrong_passwords_the_right_one_is_refused_with_a_message_until_the_cool_off(form, account):
    url, data = sign_in_to(form, account.email, account.username)
    with time_machine.travel("2026-11-23 09:00", tick=False) as traveller:
        attacker = client_at(ATTACKER, form)
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert attacker.post(url, data("sai-mat-khau")).status_code == 200  # the form again, with its error
        locked = attacker.post(url, data("sai-mat-khau"))
        assert locked.status_code == 429 and LOCKED_OUT in locked.content.decode()

        refused = attacker.post(url, data(PASSWORD))
        assert refused.status_code == 429 and LOCKED_OUT in refused.content.decode()
        assert not signed_in(attacker)

        owner = client_at(OWNER, form)  # the same account from another client is not locked out
        assert owner.post(url, data(PASSWORD)).status_code == 302 and signed_in(owner)

        traveller.shift(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
        assert attacker.post(url, data(PASSWORD)).status_code == 302 and signed_in(attacker)


def test_the_lockout_ignores_how_the_e_mail_is_cased(account):
    url, data = sign_in_to("storefront", account.email, account.username)
    attacker = client_at(ATTACKER, "storefront")
    spellings = [account.email.upper(), f" {account.email} ", account.email.title(), account.email, account.email]
    for spelling in spellings[: settings.AXES_FAILURE_LIMIT]:
        attacker.post(url, {**data("sai-mat-khau"), "login-username": spelling})
    assert attacker.post(url, data(PASSWORD)).status_code == 429


def test_a_successful_sign_in_clears_the_count_of_wrong_passwords(account):
    url, data = sign_in_to("storefront", account.email, account.username)
    owner = client_at(OWNER, "storefront")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        owner.post(url, data("sai-mat-khau"))
    assert owner.post(url, data(PASSWORD)).status_code == 302
    owner.logout()
    owner.post(url, data("sai-mat-khau"))
    assert owner.post(url, data(PASSWORD)).status_code == 302


def test_the_failed_attempt_log_does_not_keep_the_password(account):
    from axes.models import AccessAttempt

    url, data = sign_in_to("storefront", account.email, account.username)
    client_at(ATTACKER, "storefront").post(url, data("bi-mat-sai-123"))
    attempt = AccessAttempt.objects.get(ip_address=ATTACKER)
    assert "bi-mat-sai-123" not in attempt.post_data and attempt.username == account.username
