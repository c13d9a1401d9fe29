"""The price a buyer pays for one unit of a product now: its stock record's price, less what the site offers
running now take off it (a campaign's 10 % off, say). Product pages, product cards, buy boxes, JSON-LD and the
search API all ask `unit_price`; the basket applies the same offers itself through Oscar's Applicator, so what a
page shows is what the basket and the order charge.

An offer lowers the shown price only when buying that one unit meets its condition (a "10 % off any gift" does;
"buy three, get one free" or "over 500.000 ₫" does not) and its benefit has a per-unit meaning (a percentage or a
fixed amount off each product). Offers stack as Oscar's LineOfferConsumer lets them: an exclusive offer stands
alone, non-exclusive ones add up unless their combinations say otherwise.
"""

from dataclasses import dataclass
from decimal import Decimal

from oscar.core.loading import get_class, get_model

_REQUEST_CACHE = "_ocop_running_offers"


@dataclass(frozen=True)
class UnitPrice:
    now: Decimal           # what one unit costs today
    full: Decimal          # the stock record's price, before offers
    currency: str
    offers: tuple = ()     # the offers that lower it, in the order Oscar applies them

    @property
    def is_discounted(self):
        return self.now < self.full


@dataclass(frozen=True)
class _RunningOffer:
    offer: object
    product_ids: frozenset  # products one unit of which meets the condition and gets the benefit
    combined_ids: frozenset  # the offers it may combine with, when it restricts combinations

    def unit_discount(self, price):
        benefit = self.offer.benefit
        value = Decimal(benefit.value or 0)
        if benefit.type == benefit.PERCENTAGE:  # Oscar's PercentageDiscountBenefit, for one unit
            return min(value, Decimal(100)) / Decimal(100) * price
        return min(value, price)  # FixedUnitDiscountBenefit

    def meets_condition(self, price):
        condition = self.offer.condition
        value = Decimal(condition.value or 0)
        if condition.type == condition.VALUE:
            return price >= value
        return value <= 1  # COUNT and COVERAGE: one item of the range


class RunningOffers:
    """The site offers running now that can lower a unit price, each with the ids of the products it lowers.
    What does not depend on the buyer or the minute is kept in the cache until an offer, range or product
    changes (storefront/catalogue/caching.py); each request only checks dates and per-buyer limits."""

    def __init__(self, user=None):
        from .caching import remember_shown

        user = user if user is not None and user.is_authenticated else None
        self.offers = [running for running in remember_shown("site-offers", (), _candidate_offers)
                       if running.offer.is_available() and running.offer.get_max_applications(user) >= 1]

    def unit_price(self, product, price, currency):
        applied = []
        discount = Decimal(0)
        if price and product.is_discountable:
            for running in self.offers:  # Oscar's order: priority first
                if (product.pk not in running.product_ids or not running.meets_condition(price)
                        or not _may_join(running, applied)):
                    continue
                discount += running.unit_discount(price)
                applied.append(running)
        return UnitPrice(now=max(price - discount, Decimal(0)), full=price, currency=currency,
                         offers=tuple(running.offer for running in applied))


def _candidate_offers():
    """The open site offers not yet ended whose benefit has a per-unit meaning, with the products they lower."""
    from django.db.models import Q
    from django.utils import timezone

    Benefit = get_model("offer", "Benefit")
    Condition = get_model("offer", "Condition")
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    # Oscar's Applicator.get_site_offers without its date filter: an offer starting later is kept, and each
    # request asks is_available() (dates, suspension, global limits) of what it reads from here.
    site_offers = (ConditionalOffer.objects.filter(offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN)
                   .filter(Q(end_datetime__gte=timezone.now()) | Q(end_datetime=None))
                   .select_related("condition", "benefit").prefetch_related("combinations", "in_combination")
                   .order_by("-priority", "pk"))
    candidates = []
    for offer in site_offers:
        benefit, condition = offer.benefit, offer.condition
        if (benefit.proxy_class or condition.proxy_class or benefit.range_id is None
                or condition.range_id is None
                or benefit.type not in (Benefit.PERCENTAGE, Benefit.FIXED_UNIT)
                or condition.type not in (Condition.COUNT, Condition.VALUE, Condition.COVERAGE)):
            continue
        product_ids = _range_product_ids(benefit.range)
        if condition.range_id != benefit.range_id:
            product_ids &= _range_product_ids(condition.range)
        combined = {other.pk for other in offer.combinations.all()} | {
            other.pk for other in offer.in_combination.all()}
        candidates.append(_RunningOffer(offer, frozenset(product_ids), frozenset(combined)))
    return candidates


def _range_product_ids(product_range):
    return set(product_range.all_products().values_list("pk", flat=True))


def _may_join(running, applied):
    """Whether `running` may also discount a unit that the `applied` offers discount (Oscar's
    LineOfferConsumer.available)."""
    if not applied:
        return True
    if running.offer.exclusive or any(other.offer.exclusive for other in applied):
        return False
    for other in applied:
        if (running.combined_ids or other.combined_ids) and other.offer.pk not in running.combined_ids \
                and running.offer.pk not in other.combined_ids:
            return False
    return True


def running_offers(request=None):
    """The running offers for this request, built on first use and kept on the request."""
    if request is None:
        return RunningOffers()
    offers = getattr(request, _REQUEST_CACHE, None)
    if offers is None:
        offers = RunningOffers(user=getattr(request, "user", None))
        setattr(request, _REQUEST_CACHE, offers)
    return offers


def unit_price(request, product, purchase_info=None):
    """What one unit of `product` costs the buyer now, or None when it is not for sale (no price)."""
    if purchase_info is None:
        strategy = getattr(request, "strategy", None)
        if strategy is None:
            Selector = get_class("partner.strategy", "Selector")
            strategy = Selector().strategy(request=request)
        purchase_info = strategy.fetch_for_product(product)
    price = purchase_info.price
    if not price.exists:
        return None
    full = price.incl_tax if price.is_tax_known else price.excl_tax
    return running_offers(request).unit_price(product, full, price.currency)
