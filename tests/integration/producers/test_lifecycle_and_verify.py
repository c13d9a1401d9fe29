"""Renewal notices on fixed dates (once, however often the command runs), the producer's notice, and the
public /verify/ pages: status in both languages, the lookup form, the rate limit."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse

from storefront.ocop.models import RenewalNotice
from storefront.ocop.renewals import due_on

from tests import factories

pytestmark = pytest.mark.django_db

# factories.certificate issues on 1 June 2026: valid until 1 June 2029; renewal window 3 Dec 2028 – 1 Feb 2029.
ISSUED = date(2026, 6, 1)


@pytest.mark.parametrize("day,due", [
    (date(2028, 12, 2), False),  # 181 days before expiry
    (date(2028, 12, 3), True),   # the window opens: 180 days before
    (date(2029, 2, 1), True),    # it closes: 120 days before
    (date(2029, 2, 2), False),
])
def test_a_certificate_is_due_for_a_notice_only_inside_the_renewal_window(world, day, due):
    assert (world.a.certificate in due_on(day)) is due


def test_the_command_sends_one_notice_per_certificate_however_often_it_runs(world):
    for _ in range(3):
        call_command("send_renewal_notices", "--date", "2028-12-10", stdout=StringIO())
    to_a = [m for m in mail.outbox if world.a.user.email in m.to]
    assert len(to_a) == 1
    assert world.a.certificate.number in to_a[0].subject + to_a[0].body
    assert RenewalNotice.objects.filter(certificate=world.a.certificate, sent_on=date(2028, 12, 10)).exists()


def test_a_superseded_certificate_gets_no_notice(world):
    factories.certificate(world.a.product, number="RENEWED-1", issued_on=date(2027, 1, 1),
                          supersedes=world.a.certificate)
    assert world.a.certificate not in due_on(date(2028, 12, 10))


def test_a_bad_date_is_a_clear_command_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--date"):
        call_command("send_renewal_notices", "--date", "tomorrow", stdout=StringIO())


def test_the_producer_dashboard_shows_the_renewal_notice_in_the_window(client, world):
    as_a = client
    with time_machine.travel("2028-12-10 09:00", tick=False):
        as_a.force_login(world.a.user)  # sessions last two weeks: sign in on the day
        assert "renewal-notice" in as_a.get(reverse("dashboard:index")).content.decode()
    with time_machine.travel("2027-06-01 09:00", tick=False):
        as_a.force_login(world.a.user)
        assert "renewal-notice" not in as_a.get(reverse("dashboard:index")).content.decode()


@pytest.mark.parametrize("moment,vi,en", [
    ("2027-01-01 09:00", "CÒN HIỆU LỰC", "VALID"),
    ("2028-12-10 09:00", "ĐANG TRONG THỜI HẠN GIA HẠN", "IN RENEWAL"),
    ("2029-06-02 09:00", "HẾT HIỆU LỰC", "EXPIRED"),
])
def test_verify_states_the_status_on_the_day_in_both_languages(client, world, moment, vi, en):
    cache.clear()
    with time_machine.travel(moment, tick=False):
        response = client.get(reverse("ocop:verify", kwargs={"number": world.a.certificate.number}))
        product_page = client.get(world.a.product.get_absolute_url()).content.decode()
    body = response.content.decode()
    assert vi in body and en in body
    assert world.a.product.title in body and world.a.partner.name in body and "1234/QĐ-UBND" in body
    assert "01/06/2026" in body and "01/06/2029" in body
    assert ("ocop-badge" in product_page) is (en != "EXPIRED")


def test_verify_says_revoked_with_the_reason(client, world):
    cache.clear()
    world.a.certificate.revoked_on, world.a.certificate.revocation_reason = date(2026, 9, 1), "Sai nhãn"
    world.a.certificate.save()
    with time_machine.travel("2026-10-01 09:00", tick=False):
        body = client.get(reverse("ocop:verify", kwargs={"number": world.a.certificate.number})).content.decode()
    assert "ĐÃ THU HỒI" in body and "REVOKED" in body and "Sai nhãn" in body


def test_verify_form_redirects_to_the_number_and_unknown_numbers_say_not_found(client):
    cache.clear()
    response = client.get(reverse("ocop:verify-form"), {"number": " NO-SUCH-1 "})
    assert response.status_code == 302 and response["Location"] == "/verify/NO-SUCH-1/"
    missing = client.get(response["Location"])
    assert missing.status_code == 404
    assert "KHÔNG TÌM THẤY" in missing.content.decode() and "NOT FOUND" in missing.content.decode()
    assert client.get(reverse("ocop:verify-form")).status_code == 200
    assert client.get(reverse("ocop:verify-form"), {"number": ""}).status_code == 400


def test_lookups_are_rate_limited_per_client_with_a_clear_429(client, settings):
    cache.clear()
    settings.OCOP_VERIFY_RATE_LIMIT_REQUESTS = 3
    url = reverse("ocop:verify", kwargs={"number": "NO-SUCH-2"})
    statuses = [client.get(url, REMOTE_ADDR="203.0.113.7").status_code for _ in range(4)]
    assert statuses == [404, 404, 404, 429]
    limited = client.get(url, REMOTE_ADDR="203.0.113.7")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "429" in limited.content.decode()
    assert client.get(url, REMOTE_ADDR="198.51.100.9").status_code == 404  # another client is not affected
    cache.clear()


def test_the_product_page_links_its_certificate_number_to_verify(client, world, demo_today):
    body = client.get(world.a.product.get_absolute_url()).content.decode()
    assert f'href="{reverse("ocop:verify", kwargs={"number": world.a.certificate.number})}"' in body


def test_load_demo_gives_two_demo_producers_a_dashboard_user(client):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(email__startswith="producer", email__endswith="@ocop.example.vn")
    assert users.count() == 2
    for user in users:
        assert user.partners.count() == 1 and user.has_perm("partner.dashboard_access") and not user.is_staff
