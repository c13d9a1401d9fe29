"""Staff filter the certificate list in the dashboard by status today, province, stars, how soon it expires and
text, keeping the filters across pages; a filter value the form does not know is a 400 showing the form."""

import re
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.urls import reverse

from storefront.dashboard.certificates.views import CertificateListView
from storefront.ocop.models import Certificate, Province, status_q
from storefront.ocop.rules import Status
from storefront.partner.access import grant_producer_access
from tests import factories
from tests.demo_clock import DEMO_DAY

pytestmark = pytest.mark.django_db
TODAY = date(2030, 3, 1)  # the list's "today" in these tests: every certificate below has a known status on it
MARKER = "Lọc Thử"
FOUR, FIVE, THREE = {"scores": (32, 20, 28)}, {"scores": (38, 24, 33), "level": "ministry"}, {"scores": (25, 15, 15)}


@pytest.fixture
def frozen():
    with time_machine.travel(datetime.combine(TODAY, time(12)), tick=False):
        yield


@pytest.fixture
def certificates(frozen):
    """One certificate per case, each on its own product; the producers of two of them are in another province."""
    here = factories.producer(name=f"HTX {MARKER} An Giang")
    there = factories.producer(province_code=Province.objects.exclude(code="91").order_by("code").first().code,
                               name=f"HTX {MARKER} Nơi khác")

    def make(key, producer, issued_on, **fields):
        item = factories.product(producer, title=f"Mật ong {MARKER} {key}")
        return factories.certificate(item, number=f"LOC-{key.upper()}", issued_on=issued_on, **fields)

    made = {
        "valid": make("valid", here, date(2028, 1, 10), **FIVE),                    # until 2031-01-10
        "renewal": make("renewal", here, date(2027, 7, 15), **FOUR),               # until 2030-07-15: D+136
        "expired": make("expired", there, date(2026, 6, 1), **FOUR),               # until 2029-06-01
        "revoked": make("revoked", here, date(2027, 1, 10), revoked_on=date(2029, 10, 1),
                        revocation_reason="Vi phạm cam kết chất lượng", **THREE),
        "soon": make("soon", there, date(2027, 3, 15), **THREE),                   # until 2030-03-15: D+14
        "later": make("later", here, date(2027, 5, 1), **FOUR),                    # until 2030-05-01: D+61
    }
    expected = {"valid": Status.VALID, "renewal": Status.RENEWAL_WINDOW, "expired": Status.EXPIRED,
                "revoked": Status.REVOKED, "soon": Status.VALID, "later": Status.VALID}
    assert {key: cert.status_on(TODAY) for key, cert in made.items()} == expected  # the cases hold
    return made


@pytest.fixture
def staff(client, frozen):  # signed in on the frozen day, or the session has long expired
    client.force_login(get_user_model().objects.create_user(
        username="can-bo-loc", email="loc@ocop.example.vn", password="mat-khau-can-bo-2030", is_staff=True))
    return client


def listed(client, **params):
    response = client.get(reverse("dashboard:certificate-list"), {"q": MARKER, **params})
    assert response.status_code == 200, response.content.decode()[:500]
    return re.findall(r">(LOC-[A-Z]+)</a>", response.content.decode())


@pytest.mark.parametrize("status, expected", [
    ("valid", {"LOC-VALID", "LOC-SOON", "LOC-LATER"}),
    ("renewal_window", {"LOC-RENEWAL"}),
    ("expired", {"LOC-EXPIRED"}),
    ("revoked", {"LOC-REVOKED"}),
])
def test_the_status_filter_shows_the_certificates_with_that_status_today(staff, certificates, status, expected):
    assert set(listed(staff, status=status)) == expected


def test_the_province_filter_shows_the_certificates_of_producers_there(staff, certificates):
    province = certificates["expired"].producer.province
    assert set(listed(staff, province=province.pk)) == {"LOC-EXPIRED", "LOC-SOON"}


def test_the_stars_filter_shows_the_certificates_with_that_many_stars(staff, certificates):
    assert set(listed(staff, stars=5)) == {"LOC-VALID"}
    assert set(listed(staff, stars=3)) == {"LOC-REVOKED", "LOC-SOON"}


def test_expiring_within_lists_still_valid_certificates_soonest_first(staff, certificates):
    assert listed(staff, expiring_within=30) == ["LOC-SOON"]
    assert listed(staff, expiring_within=90) == ["LOC-SOON", "LOC-LATER"]
    assert listed(staff, expiring_within=180) == ["LOC-SOON", "LOC-LATER", "LOC-RENEWAL"]  # not the expired one


def test_filters_combine(staff, certificates):
    assert listed(staff, status="valid", stars=4, expiring_within=90) == ["LOC-LATER"]


def test_the_text_search_finds_number_product_and_producer_with_or_without_diacritics(staff, certificates):
    search = reverse("dashboard:certificate-list")
    for query, number in [("loc-revoked", "LOC-REVOKED"), ("mat ong loc thu renewal", "LOC-RENEWAL"),
                          ("Mật ong Lọc Thử soon", "LOC-SOON")]:
        page = staff.get(search, {"q": query}).content.decode()
        assert re.findall(r">(LOC-[A-Z]+)</a>", page) == [number], query
    by_producer = staff.get(search, {"q": "HTX Lọc Thử Nơi khác"}).content.decode()
    assert set(re.findall(r">(LOC-[A-Z]+)</a>", by_producer)) == {"LOC-EXPIRED", "LOC-SOON"}


def test_the_pages_keep_the_filters(staff, certificates, monkeypatch):
    monkeypatch.setattr(CertificateListView, "paginate_by", 2)
    first = staff.get(reverse("dashboard:certificate-list"), {"q": MARKER, "stars": 4}).content.decode()
    next_link = re.search(r'href="\?([^"]*page=2)"', first).group(1).replace("&amp;", "&")
    assert "stars=4" in next_link and "q=" in next_link
    second = staff.get(reverse("dashboard:certificate-list") + "?" + next_link).content.decode()
    numbers = re.findall(r">(LOC-[A-Z]+)</a>", first) + re.findall(r">(LOC-[A-Z]+)</a>", second)
    assert sorted(numbers) == ["LOC-EXPIRED", "LOC-LATER", "LOC-RENEWAL"]


@pytest.mark.parametrize("params", [{"status": "bogus"}, {"stars": "7"}, {"expiring_within": "45"},
                                    {"province": "999999"}, {"province": "abc"}, {"q": "x" * 101}])
def test_a_filter_value_it_does_not_know_is_a_400_showing_the_form(staff, certificates, params):
    response = staff.get(reverse("dashboard:certificate-list"), params)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="alert alert-danger w-100" role="alert"' in page and "certificate-filters" in page
    assert "LOC-" not in page


def test_status_q_agrees_with_the_rules_for_every_certificate_on_every_day(certificates):
    everything = list(Certificate.objects.all())
    assert len(everything) > 20  # the demo's mix and the cases above
    for day in [TODAY, DEMO_DAY, DEMO_DAY + timedelta(days=150), date(2029, 6, 1), date(2029, 6, 2)]:
        for status in Status:
            by_query = set(Certificate.objects.filter(status_q(status, day)).values_list("pk", flat=True))
            assert by_query == {c.pk for c in everything if c.status_on(day) == status}, (day, status)


def test_a_producer_filters_only_its_own_certificates(client, certificates):
    user = get_user_model().objects.create_user(username="htx-loc", email="htx@loc.example.vn",
                                                password="mat-khau-htx-2030")
    grant_producer_access(user, certificates["soon"].producer)
    client.force_login(user)
    assert set(listed(client)) == {"LOC-EXPIRED", "LOC-SOON"}
    assert listed(client, stars=3) == ["LOC-SOON"]
