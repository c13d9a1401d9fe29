"""Certificates: stars derived by the rules, never typed in; validation with clear messages; the product's
current certificate; the lifecycle on fixed dates."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from tests import factories

pytestmark = pytest.mark.django_db


def test_total_stars_and_validity_are_derived_from_the_scores():
    cert = factories.certificate(factories.product(), scores=("36.5", "21.25", "32.75"), issued_on=date(2026, 6, 1),
                                 level="ministry", authority="Bộ Nông nghiệp và Môi trường")
    cert.refresh_from_db()
    assert cert.total == Decimal("90.50")
    assert cert.stars == 5
    assert cert.valid_until == date(2029, 6, 1)


def test_typed_in_stars_are_overwritten_by_the_rules():
    cert = factories.certificate(factories.product(), scores=(30, 20, 25), save=False)
    cert.stars = 5
    cert.save()
    cert.refresh_from_db()
    assert cert.stars == 4 and cert.total == 75


def test_a_part_over_its_maximum_is_an_error_naming_the_part_not_a_clamp():
    cert = factories.certificate(factories.product(), scores=(41, 20, 30), save=False)
    with pytest.raises(ValidationError) as error:
        cert.full_clean()
    assert "phần A" in str(error.value) and "40" in str(error.value)


def test_the_rule_set_must_be_the_one_in_force_on_the_issue_date():
    cert = factories.certificate(factories.product(), rule_set="1048/2019", issued_on=date(2026, 6, 1),
                                 scores=(30, 20, 25), save=False)
    with pytest.raises(ValidationError) as error:
        cert.full_clean()
    assert "rule_set" in error.value.message_dict


def test_five_stars_need_the_ministry():
    cert = factories.certificate(factories.product(), scores=(38, 24, 33), level="province", save=False)
    with pytest.raises(ValidationError) as error:
        cert.full_clean()
    assert "level" in error.value.message_dict


def test_three_stars_by_a_district_only_before_districts_were_abolished():
    item = factories.product()
    before = factories.certificate(item, scores=(25, 15, 15), issued_on=date(2025, 6, 30), rule_set="148/2023",
                                   level="district", authority="Ủy ban nhân dân huyện Phú Quốc", save=False)
    before.full_clean()
    after = factories.certificate(item, scores=(25, 15, 15), issued_on=date(2025, 7, 1), rule_set="148/2023",
                                  level="district", authority="Ủy ban nhân dân huyện Phú Quốc", save=False)
    with pytest.raises(ValidationError):
        after.full_clean()


def test_below_three_stars_cannot_be_certified():
    cert = factories.certificate(factories.product(), scores=(20, 10, 15), save=False)
    with pytest.raises(ValidationError):
        cert.full_clean()


def test_revocation_needs_a_reason():
    cert = factories.certificate(factories.product(), save=False, revoked_on=date(2026, 8, 1))
    with pytest.raises(ValidationError) as error:
        cert.full_clean()
    assert "revocation_reason" in error.value.message_dict


def test_the_latest_certificate_becomes_current_and_keeps_the_history():
    item = factories.product()
    first = factories.certificate(item, scores=(30, 20, 25), issued_on=date(2023, 3, 1), rule_set="148/2023")
    second = factories.certificate(item, scores=(25, 15, 15), issued_on=date(2026, 6, 1), supersedes=first)
    item.refresh_from_db()
    assert item.current_certificate == second
    assert list(item.certificates.order_by("issued_on")) == [first, second]
    assert first.superseded_by == second


@pytest.mark.parametrize(
    ("today", "status", "badge"),
    [
        (date(2026, 5, 31), "not_yet_valid", False),
        (date(2026, 6, 1), "valid", True),
        (date(2028, 12, 2), "valid", True),           # 181 days before 1 June 2029
        (date(2028, 12, 3), "renewal_window", True),  # 180 days before
        (date(2029, 2, 1), "renewal_window", True),   # 120 days before
        (date(2029, 2, 2), "valid", True),
        (date(2029, 6, 1), "valid", True),            # the last valid day
        (date(2029, 6, 2), "expired", False),         # the day after valid-until
    ],
)
def test_lifecycle_on_fixed_dates(today, status, badge):
    item = factories.product()
    cert = factories.certificate(item, issued_on=date(2026, 6, 1))
    with time_machine.travel(today, tick=False):
        assert cert.status == status
        item = type(item).objects.get(pk=item.pk)
        assert (item.ocop_stars is not None) is badge


def test_revocation_removes_the_badge_from_its_date():
    item = factories.product()
    cert = factories.certificate(item, issued_on=date(2026, 6, 1))
    cert.revoked_on, cert.revocation_reason = date(2026, 9, 1), "Sử dụng nhãn OCOP sai quy định."
    cert.full_clean()
    cert.save()
    with time_machine.travel(date(2026, 8, 31), tick=False):
        assert type(item).objects.get(pk=item.pk).ocop_stars == 4
    with time_machine.travel(date(2026, 9, 1), tick=False):
        assert type(item).objects.get(pk=item.pk).ocop_stars is None
        assert cert.status == "revoked"
