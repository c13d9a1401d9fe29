"""Applying for a fair booth and deciding on it. Every change locks the fair's row first, so two producers
applying for the last place, or staff placing two booths at once, are counted one after the other.

The rules (deadline, certificates, capacity, waiting list) are `ocop.booth_rules`; this module feeds them the
database's facts and turns their answers into refusals that say what to do.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.models import Booth, FairPage
from cms.models.base import buyable, public_products
from storefront.ocop import booth_rules, reference
from storefront.ocop.booth_rules import HOLDS_PLACE, State
from storefront.ocop.models import today

from .models import BoothApplication
from .notifications import notify_decision


class Refused(Exception):
    """The application or decision the rules refuse; the message says why and what to do."""


class FairFull(Refused):
    """No place is free: the producer may join the waiting list instead."""


def lock(fair):
    return FairPage.objects.select_for_update().get(pk=fair.pk)


# --- facts the rules need --------------------------------------------------------------------------------

def held_places(fair):
    """Booths typed by staff plus applications that hold a place (pending or accepted)."""
    return Booth.objects.filter(page=fair).count() + fair.booth_applications.filter(state__in=HOLDS_PLACE).count()


def zone_taken(fair, zone):
    typed = Booth.objects.filter(page=fair, zone__iexact=zone.name).count()
    return typed + fair.booth_applications.filter(state=State.ACCEPTED, zone=zone).count()


def booth_code_taken(fair, code):
    return (Booth.objects.filter(page=fair, code__iexact=code).exists()
            or fair.booth_applications.filter(state=State.ACCEPTED, booth_code__iexact=code).exists())


def certificate_dates(certificate):
    if certificate is None:
        return None
    return booth_rules.CertificateDates(stars=certificate.stars, issued_on=certificate.issued_on,
                                        expires_on=certificate.valid_until, revoked_on=certificate.revoked_on)


def qualifies(fair, product):
    return booth_rules.certificate_covers_fair(
        reference.programme(), certificate_dates(product.current_certificate), min_stars=fair.minimum_stars,
        starts_on=fair.starts_on, ends_on=fair.ends_on)


def eligible_products(fair, producer):
    """The producer's public products whose certificate qualifies them for the fair, by title."""
    candidates = (public_products().filter(producer=producer, current_certificate__isnull=False)
                  .select_related("current_certificate").order_by("title"))
    return [product for product in candidates if qualifies(fair, product)]


def province_allowed(fair, producer):
    allowed = {province.code for province in fair.eligible_provinces.all()}
    return booth_rules.province_allowed(allowed, producer.province.code if producer.province_id else None)


def open_application(fair, producer):
    return fair.booth_applications.filter(producer=producer, state__in=booth_rules.ACTIVE).first()


# --- what a producer does ----------------------------------------------------------------------------------

def check_can_apply(fair, producer, day=None):
    """Raises Refused when `producer` cannot apply to `fair` at all (before looking at the form)."""
    day = day or today()
    if not fair.booth_capacity or not fair.booth_sizes.exists():
        raise Refused(_("%(fair)s does not take booth applications here.") % {"fair": fair.title})
    if not booth_rules.registration_open(fair.registration_deadline, day):
        raise Refused(_("Booth registration for %(fair)s closed on %(day)s.")
                      % {"fair": fair.title, "day": fair.registration_deadline.strftime("%d/%m/%Y")})
    if not province_allowed(fair, producer):
        names = ", ".join(province.name for province in fair.eligible_provinces.all())
        raise Refused(_("%(fair)s takes producers from %(provinces)s only.") % {"fair": fair.title,
                                                                              "provinces": names})
    typed = Booth.objects.filter(page=fair, producer=producer).first()
    if typed is not None:
        raise Refused(_("%(producer)s has booth %(code)s at %(fair)s already.")
                      % {"producer": producer.name, "code": typed.code, "fair": fair.title})
    existing = open_application(fair, producer)
    if existing is not None:
        raise Refused(_("%(producer)s has applied for %(fair)s already (%(state)s): change or withdraw that "
                        "application instead.") % {"producer": producer.name, "fair": fair.title,
                                                   "state": existing.get_state_display()})


def check_products(fair, producer, products):
    """Every product must be the producer's own and qualify; the message names the ones that do not."""
    not_own = [product.title for product in products if product.producer_id != producer.pk]
    if not_own:
        raise Refused(_("Only %(producer)s's own products can be shown: not %(products)s.")
                      % {"producer": producer.name, "products": "; ".join(not_own)})
    unqualified = [product.title for product in products if not qualifies(fair, product)]
    if unqualified:
        raise Refused(_("These products need an OCOP certificate of at least %(stars)s★ valid from %(start)s to "
                        "%(end)s: %(products)s.")
                      % {"stars": fair.minimum_stars, "start": fair.starts_on.strftime("%d/%m/%Y"),
                         "end": fair.ends_on.strftime("%d/%m/%Y"), "products": "; ".join(unqualified)})


def apply(fair, producer, user, *, products, size, join_waitlist=False, **details):
    """Creates the producer's application (pending, or waitlisted when the fair is full and the producer asked
    to wait); raises Refused, or FairFull when it is full and the producer did not ask."""
    with transaction.atomic():
        fair = lock(fair)
        check_can_apply(fair, producer)
        check_products(fair, producer, products)
        if size.page_id != fair.pk:
            raise Refused(_("Choose one of this fair's booth sizes."))
        state = booth_rules.admission(fair.booth_capacity, held_places(fair))
        if state == State.WAITLISTED and not join_waitlist:
            raise FairFull(_("All %(count)s booths of %(fair)s are taken or under review. Join the waiting list: "
                             "you move up by yourself when a place frees.")
                           % {"count": fair.booth_capacity, "fair": fair.title})
        application = BoothApplication.objects.create(
            fair=fair, producer=producer, size=size, submitted_by=user, state=state,
            waitlisted_at=timezone.now() if state == State.WAITLISTED else None, **details)
        application.products.set(products)
    return application


# --- what staff decide (and producers withdraw) ---------------------------------------------------------

def decide(application, to, *, zone=None, booth_code="", reason=""):
    """Moves the application to state `to` (accepted needs a zone and booth number within the zone's capacity,
    declined a reason), e-mails the producer after commit, and moves the waiting list up if a place freed."""
    to = State(to)
    with transaction.atomic():
        fair = lock(application.fair)
        application = BoothApplication.objects.select_for_update().get(pk=application.pk)
        before = State(application.state)
        if not booth_rules.can_move(before, to):
            raise Refused(_("This application is %(state)s already; it cannot be changed that way.")
                          % {"state": application.get_state_display().lower()})
        if before not in HOLDS_PLACE and to in HOLDS_PLACE and not booth_rules.places_left(
                fair.booth_capacity or 0, held_places(fair)):
            raise Refused(_("All %(count)s booths are taken or under review: decline or move another application "
                            "first, or raise the fair's capacity.") % {"count": fair.booth_capacity or 0})
        if to == State.ACCEPTED:
            place(fair, application, zone, booth_code)
        if to == State.DECLINED:
            if not reason.strip():
                raise Refused(_("Say why the application is declined: the producer reads it."))
            application.reason = reason.strip()
        application.state = to
        application.decided_at = timezone.now()
        application.waitlisted_at = timezone.now() if to == State.WAITLISTED else None
        application.save()
        notify_decision(application)
        if before in HOLDS_PLACE and to not in HOLDS_PLACE:
            promote_waitlist(fair, exclude=application)
    return application


def place(fair, application, zone, booth_code):
    booth_code = (booth_code or "").strip()
    if zone is None or zone.page_id != fair.pk:
        raise Refused(_("Choose one of this fair's zones."))
    if not booth_code:
        raise Refused(_("Give the booth a number."))
    if not booth_rules.zone_has_room(zone.capacity, zone_taken(fair, zone)):
        raise Refused(_("%(zone)s is full (%(count)s booths): choose another zone.")
                      % {"zone": zone.name, "count": zone.capacity})
    if booth_code_taken(fair, booth_code):
        raise Refused(_("Booth %(code)s is taken at this fair: choose another number.") % {"code": booth_code})
    application.zone, application.booth_code = zone, booth_code


def promote_waitlist(fair, exclude=None):
    """Moves the earliest waitlisted applications up to review while places are free; each producer is
    e-mailed. (`exclude`: the application staff just sent to the list, which must not bounce straight back.)"""
    waiting = fair.booth_applications.filter(state=State.WAITLISTED).order_by("waitlisted_at", "pk")
    if exclude is not None:
        waiting = waiting.exclude(pk=exclude.pk)
    count = booth_rules.promotions(fair.booth_capacity or 0, held_places(fair), waiting.count())
    promoted = list(waiting[:count])
    for application in promoted:
        application.state, application.waitlisted_at = State.PENDING, None
        application.save(update_fields=["state", "waitlisted_at"])
        notify_decision(application, promoted=True)
    return promoted


# --- what the public fair page shows -------------------------------------------------------------------

@dataclass
class AcceptedBooth:
    """An accepted application as the fair page lists booths (code, zone, producer, its products)."""

    code: str
    zone: str
    producer: object
    shown_products: list = field(default_factory=list)


def accepted_booths(fair):
    applications = (fair.booth_applications.filter(state=State.ACCEPTED)
                    .select_related("producer__province", "zone").prefetch_related("products")
                    .order_by("booth_code"))
    booths = []
    for application in applications:
        chosen = [product.pk for product in application.products.all()]
        products = list(buyable(public_products().filter(pk__in=chosen)).order_by("title"))
        booths.append(AcceptedBooth(code=application.booth_code, zone=application.zone.name,
                                    producer=application.producer, shown_products=products))
    return booths


def counts(fair):
    """Applications by state, zone and province, for the staff's overview."""
    applications = list(fair.booth_applications.select_related("producer__province", "zone"))
    by_state, by_zone, by_province = {}, {}, {}
    for application in applications:
        by_state[application.state] = by_state.get(application.state, 0) + 1
        if application.state in booth_rules.ACTIVE:
            province = application.producer.province.name if application.producer.province_id else "—"
            by_province[province] = by_province.get(province, 0) + 1
    for zone in fair.booth_zones.all():
        by_zone[zone] = zone_taken(fair, zone)
    return {"states": by_state, "zones": by_zone, "provinces": dict(sorted(by_province.items())),
            "held": held_places(fair), "capacity": fair.booth_capacity or 0,
            "typed": Booth.objects.filter(page=fair).count()}


def applications_for(user):
    queryset = BoothApplication.objects.select_related("fair", "producer__province", "size", "zone")
    return queryset if user.is_staff else queryset.filter(producer__users=user).distinct()


