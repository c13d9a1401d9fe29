"""The demo looks the same on any day: loaded (and loaded again) at far-apart days, it always has one fair past,
one running and one upcoming, one campaign running and one ended, the same certificate mix, and a home page that
shows a fair and the running campaign."""

from collections import Counter
from datetime import date, datetime, time, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from oscar.core.loading import get_model

from cms.models import CampaignPage, FairPage, NewsPage
from storefront.demo.calendar import span
from storefront.ocop import rules
from storefront.ocop.models import Certificate
from tests.demo_clock import DEMO_DAY

pytestmark = pytest.mark.django_db
Product = get_model("catalogue", "Product")
ConditionalOffer = get_model("offer", "ConditionalOffer")

FAR_APART_DAYS = sorted({DEMO_DAY, DEMO_DAY + timedelta(days=200), date(2028, 2, 29), date(2030, 12, 31)})


def demo_certificates():
    return Certificate.objects.filter(number__startswith="OCOP-").select_related("rule_set")


def snapshot(day):
    """What a visitor and an auditor would see of the demo on `day`."""
    current = demo_certificates().filter(superseded_by__isnull=True)
    return {
        "statuses": Counter(str(certificate.status_on(day)) for certificate in current),
        "stars": Counter(current.values_list("stars", flat=True)),
        "re-rated": demo_certificates().filter(supersedes__isnull=False).count(),
        "counts": (demo_certificates().count(), FairPage.objects.count(), CampaignPage.objects.count(),
                   NewsPage.objects.count(), ConditionalOffer.objects.count(), Product.objects.count()),
    }


def load_on(day):
    with time_machine.travel(datetime.combine(day, time(12, 0)), tick=False):
        call_command("load_demo", "--no-images", "--admin-password", "x-test-x", stdout=StringIO())


def test_the_demo_keeps_its_calendar_and_its_mix_on_any_day(client):
    expected = snapshot(DEMO_DAY)  # the session's demo, laid out from the run's day
    assert expected["statuses"]["expired"] >= 3 and expected["statuses"]["renewal_window"] >= 2
    assert expected["statuses"]["revoked"] == 1 and expected["re-rated"] >= 2
    assert expected["statuses"]["valid"] > 0.8 * sum(expected["statuses"].values())
    for day in FAR_APART_DAYS:
        load_on(day)
        assert snapshot(day) == expected, f"the demo laid out on {day} differs from the one of {DEMO_DAY}"
        with time_machine.travel(datetime.combine(day, time(12, 0)), tick=False):
            fairs = {fair.status_on(day): fair for fair in FairPage.objects.live()}
            assert sorted(fairs) == ["ongoing", "past", "upcoming"], day
            assert day < fairs["upcoming"].registration_deadline < fairs["upcoming"].starts_on
            assert fairs["past"].registration_deadline < fairs["past"].starts_on
            running = [c for c in CampaignPage.objects.live() if c.starts_on <= day <= c.ends_on]
            ended = [c for c in CampaignPage.objects.live() if c.ends_on < day]
            assert len(running) == 1 and len(ended) == 1, day
            assert running[0].offer.is_available() and not ended[0].offer.is_available()
            assert all(news.date <= day for news in NewsPage.objects.all())
            home = client.get("/").content.decode()
            assert fairs["ongoing"].title in home and fairs["upcoming"].title in home
            assert running[0].title in home
            assert span(fairs["ongoing"].starts_on, fairs["ongoing"].ends_on) in fairs["ongoing"].summary
            showing = [p for p in Product.objects.filter(is_public=True) if p.ocop_stars]
            assert len(showing) > 0.75 * Product.objects.filter(is_public=True).count(), day


def test_certificates_follow_their_dates_numbers_rule_sets_and_authorities():
    load_on(date(2030, 12, 31))
    for certificate in demo_certificates():
        certificate.full_clean()  # rule set in force, level allowed on the day of issue, scores within maxima
        assert certificate.number.split("-")[2] == str(certificate.issued_on.year)
        if certificate.level == "ministry":
            expected = "QĐ-BNNMT" if certificate.issued_on >= date(2025, 3, 1) else "QĐ-BNN-KTHT"
            assert certificate.decision_number.endswith(expected)
        if certificate.issued_on >= date(2025, 7, 1):  # no districts after the reform, and no old provinces
            assert certificate.level != rules.Level.DISTRICT
            assert "huyện" not in certificate.authority and "Kiên Giang" not in certificate.authority
    codes = Product.objects.filter(code__gt="").values_list("code", "current_certificate__issued_on")
    assert codes and all(int(code.rsplit("-", 1)[1]) <= issued.year for code, issued in codes if issued)


def test_synthetic_certificates_move_forward_with_the_calendar():
    with time_machine.travel(datetime.combine(DEMO_DAY, time(12, 0)), tick=False):
        call_command("load_demo", "--products", "60", "--no-images", "--admin-password", "x", stdout=StringIO())
    synthetic = Certificate.objects.filter(number__startswith="SYN-")
    before = {c.pk: (c.issued_on, c.stars) for c in synthetic.all()}
    load_on(DEMO_DAY + timedelta(days=500))
    after = {c.pk: (c.issued_on, c.stars) for c in synthetic.all()}
    assert before.keys() == after.keys() and len(after) > 30
    moved = {pk: (issued + timedelta(days=500), stars) for pk, (issued, stars) in before.items()}
    assert after == moved
    for certificate in synthetic.select_related("rule_set"):
        certificate.full_clean()
        assert certificate.number.startswith(f"SYN-{certificate.issued_on.year}-")


def test_a_malformed_demo_day_is_a_clear_command_error():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("load_demo", "--today", "30/02/2027", stdout=StringIO())
