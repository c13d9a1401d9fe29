"""The booth rules on their own: dates and numbers in, answers out."""

from datetime import date, timedelta

from storefront.ocop import booth_rules, reference
from storefront.ocop.booth_rules import CertificateDates, State

FAIR = {"starts_on": date(2027, 3, 10), "ends_on": date(2027, 3, 14)}


def covers(certificate, min_stars=3):
    return booth_rules.certificate_covers_fair(reference.programme(), certificate, min_stars=min_stars, **FAIR)


def test_registration_is_open_up_to_and_including_the_deadline():
    deadline = date(2027, 2, 20)
    assert booth_rules.registration_open(deadline, deadline)
    assert booth_rules.registration_open(deadline, deadline - timedelta(days=30))
    assert not booth_rules.registration_open(deadline, deadline + timedelta(days=1))
    assert not booth_rules.registration_open(None, deadline)


def test_a_certificate_must_show_its_badge_on_every_day_of_the_fair():
    assert covers(CertificateDates(4, date(2026, 1, 1), date(2029, 1, 1)))
    assert covers(CertificateDates(4, date(2024, 3, 20), date(2027, 3, 20)))  # expires a week after the fair
    assert not covers(None)
    assert not covers(CertificateDates(4, date(2024, 3, 12), date(2027, 3, 12)))  # lapses during the fair
    assert not covers(CertificateDates(4, date(2027, 3, 11), date(2030, 3, 11)))  # issued after the fair opens
    assert not covers(CertificateDates(4, date(2026, 1, 1), date(2029, 1, 1), revoked_on=date(2027, 3, 13)))
    assert covers(CertificateDates(4, date(2026, 1, 1), date(2029, 1, 1), revoked_on=date(2027, 3, 15)))


def test_a_certificate_needs_the_fairs_minimum_stars():
    four = CertificateDates(4, date(2026, 1, 1), date(2029, 1, 1))
    assert covers(four, min_stars=4)
    assert not covers(four, min_stars=5)


def test_an_empty_province_list_admits_everyone():
    assert booth_rules.province_allowed(set(), "79")
    assert booth_rules.province_allowed({"79", "01"}, "79")
    assert not booth_rules.province_allowed({"01"}, "79")
    assert not booth_rules.province_allowed({"01"}, None)


def test_capacity_admits_while_places_are_free_then_offers_the_waiting_list():
    assert booth_rules.admission(20, 19) == State.PENDING
    assert booth_rules.admission(20, 20) == State.WAITLISTED
    assert booth_rules.admission(20, 25) == State.WAITLISTED  # staff typed more booths than the capacity
    assert booth_rules.places_left(20, 25) == 0


def test_the_waiting_list_moves_up_by_the_places_freed():
    assert booth_rules.promotions(20, 19, 3) == 1
    assert booth_rules.promotions(20, 15, 3) == 3
    assert booth_rules.promotions(20, 20, 3) == 0
    assert booth_rules.promotions(20, 10, 0) == 0


def test_zone_capacity():
    assert booth_rules.zone_has_room(7, 6)
    assert not booth_rules.zone_has_room(7, 7)


def test_decisions_follow_the_allowed_moves():
    assert booth_rules.can_move(State.PENDING, State.ACCEPTED)
    assert booth_rules.can_move(State.WAITLISTED, State.PENDING)
    assert booth_rules.can_move(State.ACCEPTED, State.WITHDRAWN)
    assert not booth_rules.can_move(State.ACCEPTED, State.WAITLISTED)
    assert not booth_rules.can_move(State.DECLINED, State.ACCEPTED)
    assert not booth_rules.can_move(State.WITHDRAWN, State.PENDING)
