"""The trade desk's rules for fair booths: until when a producer may apply, which products it may show, how many
booths a fair and each zone hold, and who moves up from the waiting list.

Pure like `rules`: dates and numbers in, answers out; no Django. The forms say the answers to people.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from . import rules


class State(enum.StrEnum):
    PENDING = "pending"  # under review; holds a place
    ACCEPTED = "accepted"  # has a booth number and zone
    WAITLISTED = "waitlisted"  # waits for a place to free
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the producer


#: States that take one of the fair's places: a pending application holds its place until staff decide, so
#: reviewing never accepts more producers than the fair has booths.
HOLDS_PLACE = frozenset({State.PENDING, State.ACCEPTED})
#: States in which a producer still has its application for a fair (a second one is a duplicate).
ACTIVE = frozenset({State.PENDING, State.ACCEPTED, State.WAITLISTED})

#: Staff decisions and producer withdrawals allowed from each state (a waitlisted application moves up to
#: pending by itself when a place frees, see `promotions`).
TRANSITIONS = {
    State.PENDING: frozenset({State.ACCEPTED, State.WAITLISTED, State.DECLINED, State.WITHDRAWN}),
    State.WAITLISTED: frozenset({State.PENDING, State.ACCEPTED, State.DECLINED, State.WITHDRAWN}),
    State.ACCEPTED: frozenset({State.DECLINED, State.WITHDRAWN}),
    State.DECLINED: frozenset(),
    State.WITHDRAWN: frozenset(),
}


def can_move(current: str, to: str) -> bool:
    return State(to) in TRANSITIONS[State(current)]


def registration_open(deadline: date | None, day: date) -> bool:
    """Applications are taken up to and including the deadline day; no deadline, no registration."""
    return deadline is not None and day <= deadline


@dataclass(frozen=True)
class CertificateDates:
    """What the rules need to know of a product's current certificate."""

    stars: int
    issued_on: date
    expires_on: date
    revoked_on: date | None = None


def certificate_covers_fair(programme: rules.Programme, certificate: CertificateDates | None, *,
                            min_stars: int, starts_on: date, ends_on: date) -> bool:
    """A product may be shown when its certificate carries at least `min_stars` and shows its badge on every day
    of the fair. Validity is one interval (issue to expiry, cut short by a revocation), so the first and last
    day of the fair decide."""
    if certificate is None or certificate.stars < min_stars:
        return False
    return all(
        rules.shows_badge(rules.status_on(programme, day, issued_on=certificate.issued_on,
                                          expires_on=certificate.expires_on, revoked_on=certificate.revoked_on))
        for day in (starts_on, ends_on)
    )


def province_allowed(allowed: frozenset[str] | set[str], province: str | None) -> bool:
    """An empty list of provinces admits every province; otherwise the producer's must be on it."""
    return not allowed or province in allowed


def places_left(capacity: int, held: int) -> int:
    return max(0, capacity - held)


def admission(capacity: int, held: int) -> State:
    """A new application under review while a place is free, else it may wait on the list."""
    return State.PENDING if places_left(capacity, held) else State.WAITLISTED


def zone_has_room(zone_capacity: int, zone_taken: int) -> bool:
    return zone_taken < zone_capacity


def promotions(capacity: int, held: int, waiting: int) -> int:
    """How many waitlisted applications move up (to pending, first come first served) now that `held` places
    are taken: as many as there are free places."""
    return min(waiting, places_left(capacity, held))
