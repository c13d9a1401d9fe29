"""Wholesale and export inquiries: a business asks on a product page, only that product's producer sees and
answers it, the business reads the answer through its private link, staff follow response times and remind."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from storefront.inquiries.models import Inquiry, InquiryMessage, Quote
from storefront.ocop.models import Province
from storefront.partner.access import grant_producer_access
from tests import factories
from tests.demo_clock import DEMO_NOON

pytestmark = pytest.mark.django_db

VALID_TAX_CODE = "0300588569"


@pytest.fixture(autouse=True)
def demo_noon():
    with time_machine.travel(DEMO_NOON, tick=False):
        yield


@pytest.fixture(autouse=True)
def no_demo_inquiries(db):
    """The demo's inquiries (load_demo fills the test database) would count in the totals these tests check."""
    Inquiry.objects.all().delete()


@pytest.fixture
def seller(db):
    partner = factories.producer(name="HTX Nước mắm Thử", email="htx@example.vn")
    user = get_user_model().objects.create_user(username="htx-user", email="owner@example.vn", password="x" * 12)
    grant_producer_access(user, partner)
    product = factories.product(partner, title="Nước mắm thử 40 độ đạm")
    return type("Seller", (), {"partner": partner, "user": user, "product": product})


@pytest.fixture
def other_seller(db):
    partner = factories.producer(name="HTX Khác")
    user = get_user_model().objects.create_user(username="other-user", email="other@example.vn", password="x" * 12)
    grant_producer_access(user, partner)
    return type("Seller", (), {"partner": partner, "user": user, "product": factories.product(partner)})


def form_data(**changes):
    data = {
        "company": "Công ty TNHH Phân phối Sao Mai", "tax_code": VALID_TAX_CODE, "contact_name": "Trần Thị Mai",
        "email": "mai@saomai.example.vn", "phone": "0901234567", "quantity": "200", "unit": "bottle",
        "destination_country": "VN", "destination_province": str(Province.objects.get(code="01").pk),
        "needed_by": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "message": "Chúng tôi cần 200 chai cho hệ thống siêu thị, đóng thùng 12 chai.", "website": "",
    }
    data.update(changes)
    return data


def ask(client, product, **changes):
    return client.post(reverse("inquiries:new", kwargs={"product_pk": product.pk}), form_data(**changes))


def test_a_business_inquiry_reaches_only_the_products_producer_by_email(client, seller, other_seller,
                                                                       django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, seller.product)
    assert response.status_code == 302 and response["Location"] == reverse("inquiries:sent")
    inquiry = Inquiry.objects.get()
    assert inquiry.producer == seller.partner and inquiry.product == seller.product
    assert inquiry.tax_code == VALID_TAX_CODE and inquiry.status == Inquiry.Status.OPEN
    to_producer = next(message for message in mail.outbox if "owner@example.vn" in message.to)
    assert {address for message in mail.outbox for address in message.to if "Sao Mai" in message.subject} == {
        "htx@example.vn", "owner@example.vn"}  # the producer's own address and its user's, one letter each
    assert "Sao Mai" in to_producer.subject and reverse("dashboard:inquiry-detail", kwargs={"pk": inquiry.pk}) in to_producer.body
    assert not any("other@example.vn" in message.to for message in mail.outbox)
    to_business = next(message for message in mail.outbox if message.to == ["mai@saomai.example.vn"])
    assert inquiry.get_absolute_url() in to_business.body


@pytest.mark.parametrize("changes, field", [
    ({"tax_code": "0300588568"}, "tax_code"),
    ({"tax_code": "12345"}, "tax_code"),
    ({"quantity": "0"}, "quantity"),
    ({"quantity": "99999999999999999999"}, "quantity"),
    ({"needed_by": "2020-01-01"}, "needed_by"),
    ({"needed_by": "not-a-date"}, "needed_by"),
    ({"destination_province": ""}, "destination_province"),
    ({"destination_country": "XX"}, "destination_country"),
    ({"unit": "barrel"}, "unit"),
    ({"email": "not-an-email"}, "email"),
    ({"company": ""}, "company"),
])
def test_bad_input_is_a_form_error_that_keeps_what_was_typed(client, seller, changes, field):
    response = ask(client, seller.product, **changes)
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors
    assert "đóng thùng 12 chai" in response.content.decode()  # nothing typed is lost
    assert not Inquiry.objects.exists()


def test_an_export_inquiry_needs_no_province_and_keeps_none(client, seller):
    assert ask(client, seller.product, destination_country="JP", destination_province="1").status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.destination_country == "JP" and inquiry.destination_province is None
    with translation.override("vi"):
        assert inquiry.destination == "Nhật Bản"


def test_a_filled_honeypot_looks_sent_but_keeps_nothing(client, seller):
    response = ask(client, seller.product, website="http://spam.example")
    assert response.status_code == 302 and not Inquiry.objects.exists() and not mail.outbox


def test_inquiries_are_throttled_per_client(client, seller, settings):
    settings.OCOP_INQUIRY_RATE_LIMIT_PER_CLIENT = 2
    for n in range(2):
        assert ask(client, seller.product, email=f"buyer{n}@example.vn").status_code == 302
    response = ask(client, seller.product, email="buyer3@example.vn")
    assert response.status_code == 429
    assert "Sao Mai" in response.content.decode()
    assert Inquiry.objects.count() == 2


def test_inquiries_are_throttled_per_email_address_across_clients(client, seller, settings):
    settings.OCOP_INQUIRY_RATE_LIMIT_PER_EMAIL = 1
    assert ask(client, seller.product).status_code == 302
    response = client.post(reverse("inquiries:new", kwargs={"product_pk": seller.product.pk}),
                           form_data(email="MAI@saomai.example.vn"), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429 and "email" in response.context["form"].errors
    assert Inquiry.objects.count() == 1


@pytest.mark.parametrize("product_pk", [0, 999_999, 10**30])
def test_an_unknown_product_is_a_404_not_a_500(client, product_pk):
    assert client.get(f"/inquiries/new/{product_pk}/").status_code == 404


def test_a_hidden_product_takes_no_inquiries(client, seller):
    seller.product.is_public = False
    seller.product.save()
    assert ask(client, seller.product).status_code == 404


def make_inquiry(seller, **fields):
    return Inquiry.objects.create(
        product=seller.product, producer=seller.partner, company="Công ty CP Xuất khẩu Hà Long",
        tax_code=VALID_TAX_CODE, contact_name="Lê Long", email="long@halong.example.vn", quantity=1000,
        unit="bottle", destination_country="JP", needed_by=timezone.localdate() + timedelta(days=60),
        message="Export to Japan", language="en", **fields)


def test_the_producer_quotes_and_the_business_reads_it_through_its_link(client, seller,
                                                                        django_capture_on_commit_callbacks):
    inquiry = make_inquiry(seller)
    client.force_login(seller.user)
    url = reverse("dashboard:inquiry-detail", kwargs={"pk": inquiry.pk})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"action": "quote", "unit_price": "85000", "unit": "bottle",
                                     "minimum_order": "500", "lead_time_days": "21",
                                     "valid_until": (timezone.localdate() + timedelta(days=30)).isoformat(),
                                     "note": "FOB Hải Phòng"})
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED and inquiry.first_answered_at is not None
    quote = Quote.objects.get()
    assert (quote.unit_price, quote.minimum_order, quote.lead_time_days) == (85000, 500, 21)
    (letter,) = [message for message in mail.outbox if message.to == ["long@halong.example.vn"]]
    assert "85,000" in letter.body or "85.000" in letter.body
    assert inquiry.get_absolute_url() in letter.body
    assert "quote" in letter.subject  # the business wrote in English: its e-mail is English

    client.logout()
    page = client.get(inquiry.get_absolute_url())
    assert page.status_code == 200
    assert page["Cache-Control"] == "private, no-store" and "noindex" in page["X-Robots-Tag"]
    assert page["Referrer-Policy"] == "same-origin"  # never to other sites; the reply form keeps its Origin
    body = page.content.decode()
    assert "85.000" in body and "FOB Hải Phòng" in body and seller.partner.name in body


def test_the_business_replies_from_its_link_and_the_producer_is_told(client, seller,
                                                                     django_capture_on_commit_callbacks):
    inquiry = make_inquiry(seller)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(inquiry.get_absolute_url(), {"body": "Can you label in Japanese?"})
    assert response.status_code == 302
    assert InquiryMessage.objects.get().author == InquiryMessage.Author.BUSINESS
    assert any("owner@example.vn" in message.to and "Japanese" in message.body for message in mail.outbox)


@pytest.mark.parametrize("token", ["x" * 43, "short", "../../etc/passwd", "A" * 200])
def test_a_wrong_or_malformed_token_finds_nothing(client, seller, token):
    make_inquiry(seller)
    assert client.get(f"/inquiries/{token}/").status_code == 404


def test_tokens_are_long_random_and_distinct(seller):
    tokens = {make_inquiry(seller).token for _ in range(5)}
    assert len(tokens) == 5 and all(len(token) >= 40 for token in tokens)


def test_another_producer_can_neither_read_nor_answer_the_inquiry(client, seller, other_seller):
    inquiry = make_inquiry(seller)
    client.force_login(other_seller.user)
    url = reverse("dashboard:inquiry-detail", kwargs={"pk": inquiry.pk})
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "message", "body": "hello"}).status_code == 404
    listing = client.get(reverse("dashboard:inquiry-list")).content.decode()
    assert "Hà Long" not in listing
    assert not InquiryMessage.objects.exists()


def test_a_producer_inbox_lists_its_inquiries_with_waiting_time(client, seller):
    make_inquiry(seller, created_at=timezone.now() - timedelta(days=3))
    client.force_login(seller.user)
    with translation.override("en"):
        body = client.get(reverse("dashboard:inquiry-list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Hà Long" in body and "3 days" in body


def test_staff_see_every_inquiry_with_response_times_and_remind_silent_producers(
        client, seller, other_seller, django_capture_on_commit_callbacks):
    slow = make_inquiry(seller, created_at=timezone.now() - timedelta(days=4))
    answered = Inquiry.objects.create(
        product=other_seller.product, producer=other_seller.partner, company="Siêu thị Xanh", tax_code="0100109106",
        contact_name="Hà", email="ha@xanh.example.vn", quantity=50, unit="box", destination_country="VN",
        destination_province=Province.objects.get(code="01"), needed_by=timezone.localdate() + timedelta(days=9),
        message="?", language="vi", created_at=timezone.now() - timedelta(hours=30),
        first_answered_at=timezone.now() - timedelta(hours=25), status=Inquiry.Status.ANSWERED)
    staff = get_user_model().objects.create_user(username="staff-i", email="s@ocop.example.vn", password="x" * 12,
                                                 is_staff=True)
    client.force_login(staff)
    listing = client.get(reverse("dashboard:inquiry-list"), {"status": "overdue"})
    assert list(listing.context["inquiries"]) == [slow]
    summary = client.get(reverse("dashboard:inquiry-list")).context["summary"]
    assert summary["total"] == 2 and summary["waiting"] == 1 and summary["overdue"] == 1
    assert summary["average_response"] == timedelta(hours=5)
    assert answered.response_time == timedelta(hours=5)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboard:inquiry-nudge", kwargs={"pk": slow.pk}))
    slow.refresh_from_db()
    assert slow.nudge_count == 1 and slow.last_nudged_at is not None
    assert any("owner@example.vn" in message.to and "Hà Long" in message.subject for message in mail.outbox)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboard:inquiry-nudge", kwargs={"pk": answered.pk}))
    assert not mail.outbox  # answered already: no reminder


def test_producers_cannot_send_reminders(client, seller):
    inquiry = make_inquiry(seller)
    client.force_login(seller.user)
    response = client.post(reverse("dashboard:inquiry-nudge", kwargs={"pk": inquiry.pk}))
    assert response.status_code in (302, 403)
    inquiry.refresh_from_db()
    assert inquiry.nudge_count == 0


def test_an_unreadable_inbox_filter_is_a_400(client, seller):
    client.force_login(seller.user)
    assert client.get(reverse("dashboard:inquiry-list"), {"status": "bogus"}).status_code == 400


def test_a_quote_with_a_bad_price_is_a_form_error(client, seller):
    inquiry = make_inquiry(seller)
    client.force_login(seller.user)
    response = client.post(reverse("dashboard:inquiry-detail", kwargs={"pk": inquiry.pk}),
                           {"action": "quote", "unit_price": "-5", "unit": "bottle", "minimum_order": "1",
                            "lead_time_days": "3", "valid_until": "2020-01-01"})
    assert response.status_code == 400
    assert {"unit_price", "valid_until"} <= set(response.context["quote_form"].errors)
    assert not Quote.objects.exists()


def test_the_product_page_offers_the_quote_request(client, seller):
    body = client.get(seller.product.get_absolute_url()).content.decode()
    assert reverse("inquiries:new", kwargs={"product_pk": seller.product.pk}) in body
