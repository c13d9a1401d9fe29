"""Registering (customer account, producer application) answers the same whether or not the e-mail address
has an account: a new address confirms itself through an e-mailed link, the owner of a known one is told
that someone tried, with links to sign in and to reset the password."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from storefront.ocop.models import Province
from storefront.partner.models import ProducerApplication
from storefront.site_url import absolute_url

PASSWORD = "mat-khau-rat-dai-2026"
User = get_user_model()
pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(db):
    return User.objects.create_user(username="da-co", email="da.co@example.vn", password="mat-khau-cu-2025")


def register_on_page(client, email):
    return client.post("/accounts/register/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def register_on_login_page(client, email):
    return client.post("/accounts/login/", {"registration-email": email, "registration-password1": PASSWORD,
                                            "registration-password2": PASSWORD, "registration_submit": "1"})


def apply(client, email):
    return client.post(reverse("producers:apply"), {
        "name": "HTX Chè Tân Cương", "legal_type": "cooperative", "province": Province.objects.get(code="91").pk,
        "address": "Xóm Hồng Thái", "phone": "0208 000 111", "email": "htx.che@example.vn", "description": "",
        "full_name": "Nguyễn Thị Chè", "account_email": email, "password1": PASSWORD, "password2": PASSWORD})


def seen(client, response):
    """What the visitor sees: where they are sent and the page there, minus the per-request CSRF token and
    CSP nonce."""
    page = client.get(response["Location"]).content.decode()
    return response.status_code, response["Location"], re.sub(r'(value|nonce)="[^"]{20,}"', "", page)


def link_in(message):
    return re.search(re.escape(settings.SITE_URL) + r"(/\S+)", message.body).group(1)


@pytest.mark.parametrize("register", [register_on_page, register_on_login_page, apply])
def test_a_taken_and_a_fresh_e_mail_get_the_same_answer(client, owner, register):
    taken = seen(client, register(client, owner.email.upper()))
    fresh = seen(client, register(client, "moi.toanh@example.vn"))
    assert taken == fresh and taken[0] == 302
    assert "_auth_user_id" not in client.session  # nobody is signed in before confirming


@pytest.mark.parametrize("register", [register_on_page, register_on_login_page])
def test_the_owner_of_a_taken_e_mail_is_told_and_nothing_changes(client, owner, register):
    register(client, owner.email)
    assert User.objects.filter(email__iexact=owner.email).count() == 1
    owner.refresh_from_db()
    assert owner.check_password("mat-khau-cu-2025") and owner.is_active
    [message] = mail.outbox
    assert message.to == [owner.email] and "đã có tài khoản" in message.body
    assert absolute_url("/accounts/login/") in message.body and absolute_url("/password-reset/") in message.body


def test_a_fresh_e_mail_opens_the_account_only_through_the_link(client):
    register_on_page(client, "moi.toanh@example.vn")
    user = User.objects.get(email="moi.toanh@example.vn")
    assert not user.is_active
    assert client.post("/accounts/login/", {"login-username": user.email, "login-password": PASSWORD,
                                            "login_submit": "1"}).status_code == 200  # not yet
    [message] = mail.outbox
    assert message.to == [user.email]
    link = link_in(message)

    page = client.get(link)
    assert page.status_code == 200 and "confirm-account" in page.content.decode()
    assert not User.objects.get(pk=user.pk).is_active  # following the link (a mail scanner) does not use it up
    confirmed = client.post(link)
    assert confirmed.status_code == 302 and confirmed["Location"] == "/accounts/"
    assert User.objects.get(pk=user.pk).is_active and int(client.session["_auth_user_id"]) == user.pk

    client.logout()
    assert client.post(link).status_code == 400  # once only
    used = client.get(link)
    assert used.status_code == 400 and "đã hết hạn hoặc đã được dùng" in used.content.decode()


def test_registering_a_pending_address_again_voids_the_older_link(client):
    register_on_page(client, "hai.lan@example.vn")
    register_on_page(client, "hai.lan@example.vn")
    first, second = (link_in(message) for message in mail.outbox)
    assert User.objects.filter(email="hai.lan@example.vn").count() == 1
    assert client.post(first).status_code == 400
    assert client.post(second).status_code == 302


def test_a_forged_confirmation_link_is_a_400(client, owner):
    assert client.get("/accounts/confirm/MQ/not-a-token/").status_code == 400
    assert client.get("/accounts/confirm/%%%/x-y/").status_code in (400, 404)


def test_the_link_continues_to_where_the_buyer_was_going(client):
    client.post("/accounts/register/?next=/basket/", {"email": "mua.tiep@example.vn", "password1": PASSWORD,
                                                      "password2": PASSWORD, "redirect_url": "/basket/"})
    assert client.post(link_in(mail.outbox[0]))["Location"] == "/basket/"


def test_an_application_with_a_taken_e_mail_creates_nothing_and_tells_the_owner(client, owner):
    before = ProducerApplication.objects.count()
    apply(client, owner.email)
    assert ProducerApplication.objects.count() == before
    [message] = mail.outbox
    assert message.to == [owner.email] and "/accounts/login/?next=/producers/apply/" in message.body


def test_an_application_with_a_fresh_e_mail_waits_for_the_confirmation(client):
    apply(client, "chu.htx.moi@example.vn")
    application = ProducerApplication.objects.get(applicant__email="chu.htx.moi@example.vn")
    assert not application.applicant.is_active and application.name == "HTX Chè Tân Cương"
    assert client.post(link_in(mail.outbox[0])).status_code == 302
    application.applicant.refresh_from_db()
    assert application.applicant.is_active


def test_a_signed_in_user_applies_with_their_account(client, owner):
    client.force_login(owner)
    form = client.get(reverse("producers:apply")).content.decode()
    assert 'name="account_email"' not in form and owner.email in form
    response = client.post(reverse("producers:apply"), {
        "name": "Hộ kinh doanh Đá Cổ", "legal_type": "household", "province": Province.objects.get(code="91").pk,
        "address": "Ấp 1", "phone": "0296 000 222", "email": "daco@example.vn", "description": ""})
    assert response.status_code == 302
    assert ProducerApplication.objects.get(name="Hộ kinh doanh Đá Cổ").applicant == owner and not mail.outbox


@pytest.mark.parametrize("option", ["anonymous", "new"])
def test_the_checkout_sign_in_answers_the_same_for_a_taken_and_a_fresh_e_mail(client, owner, option):
    from urllib.parse import quote

    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product").objects.filter(
        is_public=True, stockrecords__num_in_stock__gt=5).first()

    def answer(email):
        client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
        response = client.post(reverse("checkout:index"), {"username": email, "options": option})
        where = response.get("Location", "").replace(quote(email), "EMAIL").replace(email, "EMAIL")
        return response.status_code, where

    taken, fresh = answer(owner.email), answer("moi.toanh@example.vn")
    assert taken == fresh and taken[0] == 302, (taken, fresh)
    if option == "anonymous":  # a guest with a registered address checks out as a guest
        assert taken[1] == reverse("checkout:shipping-address")
