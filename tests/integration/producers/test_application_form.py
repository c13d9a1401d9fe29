"""The public producer application (/producers/apply/): the page renders every field its form needs, shows
each error next to its field, and staff's decision reaches the applicant by e-mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from storefront.ocop.models import Province
from storefront.partner.forms import ProducerApplicationForm
from storefront.partner.models import ProducerApplication
from storefront.site_url import absolute_url

pytestmark = pytest.mark.django_db
PASSWORD = "mat-ong-loc-bao-2026"


def rendered_names(html):
    return set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', html))


def application(**overrides):
    return {"name": "HTX Mật ong Lộc Bảo", "legal_type": "cooperative", "province": Province.objects.get(code="91").pk,
            "address": "Thôn 3", "phone": "0263 3123 456", "email": "lienhe@htx-locbao.example.vn",
            "description": "", "full_name": "Phạm Thị Hoa", "account_email": "hoa@htx-locbao.example.vn",
            "password1": PASSWORD, "password2": PASSWORD, **overrides}


def test_the_page_renders_every_field_of_the_form_for_a_visitor(client):
    html = client.get(reverse("producers:apply")).content.decode()
    expected = set(ProducerApplicationForm().fields)
    assert {"name", "email", "account_email", "full_name"} <= expected
    assert expected <= rendered_names(html)


def test_a_signed_in_user_sees_every_producer_field_and_no_account_fields(client):
    user = get_user_model().objects.create_user(username="hoa", email="hoa@example.vn", password=PASSWORD)
    client.force_login(user)
    names = rendered_names(client.get(reverse("producers:apply")).content.decode())
    assert set(ProducerApplicationForm.Meta.fields) <= names
    assert not names & set(ProducerApplicationForm.ACCOUNT_FIELDS)


def test_the_phone_field_brings_up_the_phone_keypad(client):
    html = client.get(reverse("producers:apply")).content.decode()
    assert re.search(r'<input[^>]*type="tel"[^>]*name="phone"', html)


def test_each_error_shows_next_to_its_field_and_what_was_typed_stays(client):
    response = client.post(reverse("producers:apply"), application(name="", password2=PASSWORD + "x"))
    html = response.content.decode()
    assert response.status_code == 200 and not ProducerApplication.objects.exists()
    assert 'class="alert alert-danger" role="alert"' in html
    assert re.search(r'name="name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="name"', html)
    assert 'id="id_name-errors"' in html and 'id="id_password2-errors"' in html
    assert 'value="lienhe@htx-locbao.example.vn"' in html  # nothing typed is lost


def test_a_complete_application_is_created_and_the_applicant_is_thanked(client):
    response = client.post(reverse("producers:apply"), application(), follow=True)
    created = ProducerApplication.objects.get()
    assert (created.name, created.email, created.applicant.email) == (
        "HTX Mật ong Lộc Bảo", "lienhe@htx-locbao.example.vn", "hoa@htx-locbao.example.vn")
    assert response.redirect_chain[-1][0] == reverse("producers:applied")
    assert "Đã nhận đơn đăng ký" in response.content.decode()


@pytest.fixture
def staff_client():
    staff = Client()  # a browser of its own: the applicant's `client` stays anonymous
    staff.force_login(get_user_model().objects.create_user(
        username="can-bo", email="canbo@ocop.example.vn", password=PASSWORD, is_staff=True))
    return staff


def decide(client, application, action):
    return client.post(reverse("dashboard:producer-application", kwargs={"pk": application.pk}), {action: "1"})


def test_approval_e_mails_the_applicant_the_dashboard_link(client, staff_client):
    client.post(reverse("producers:apply"), application())
    pending = ProducerApplication.objects.get()
    mail.outbox.clear()
    assert decide(staff_client, pending, "approve").status_code == 302
    [message] = mail.outbox
    assert message.to == ["hoa@htx-locbao.example.vn"]
    assert "HTX Mật ong Lộc Bảo" in message.body and absolute_url("/dashboard/") in message.body
    assert "đường dẫn" in message.body  # not confirmed yet: the e-mail says to open the account first


def test_rejection_e_mails_the_applicant_where_to_apply_again(client, staff_client):
    client.post(reverse("producers:apply"), application())
    pending = ProducerApplication.objects.get()
    mail.outbox.clear()
    decide(staff_client, pending, "reject")
    [message] = mail.outbox
    pending.refresh_from_db()
    assert pending.status == ProducerApplication.Status.REJECTED
    assert absolute_url("/producers/apply/") in message.body and "/dashboard/" not in message.body
