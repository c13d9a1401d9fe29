"""The star badge shows on cards and product pages only while the certificate is valid today."""

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified():
    item = factories.product(title="Mật ong bạc hà thử nghiệm")
    cert = factories.certificate(item, scores=(30, 20, 25), issued_on=date(2026, 6, 1))  # 4★ until 2029-06-01
    return item, cert


def product_page(client, item):
    return client.get(item.get_absolute_url()).content.decode()


def listing(client, item):
    return client.get(reverse("search:search"), {"q": item.title}).content.decode()


def test_a_valid_certificate_shows_its_badge_number_authority_and_validity(client, certified):
    item, cert = certified
    with time_machine.travel(date(2026, 11, 23), tick=False):
        page = product_page(client, item)
        assert "OCOP 4 sao" in page
        assert cert.number in page and cert.authority in page and "01/06/2029" in page
        assert reverse("ocop:verify", kwargs={"number": cert.number}) in page
        assert "OCOP 4 sao" in listing(client, item)


def test_the_badge_still_shows_on_the_last_valid_day(client, certified):
    item, _ = certified
    with time_machine.travel(date(2029, 6, 1), tick=False):
        assert "OCOP 4 sao" in product_page(client, item)


def test_the_badge_is_gone_the_day_after_valid_until(client, certified):
    item, _ = certified
    with time_machine.travel(date(2029, 6, 2), tick=False):
        page = product_page(client, item)
        assert "OCOP 4 sao" not in page and "ocop-badge" not in page
        assert "ocop-badge" not in listing(client, item)


def test_a_revoked_certificate_shows_no_badge(client, certified):
    item, cert = certified
    cert.revoked_on, cert.revocation_reason = date(2026, 10, 1), "Vi phạm quy định sử dụng nhãn OCOP."
    cert.save()
    with time_machine.travel(date(2026, 11, 23), tick=False):
        assert "ocop-badge" not in product_page(client, item)
        assert "ocop-badge" not in listing(client, item)


def test_a_product_without_certificate_shows_no_badge(client):
    item = factories.product(title="Sản phẩm chưa chứng nhận")
    page = product_page(client, item)
    assert "ocop-badge" not in page
    assert "không có giấy chứng nhận OCOP còn hiệu lực" in page
