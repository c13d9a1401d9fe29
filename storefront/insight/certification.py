"""Certification figures: what is certified now, what falls due in the coming months and before Tết, what was
revoked or lapsed. The thresholds are the rules' (storefront/ocop/rules.py via reference.programme()); each
figure's "list behind it" is the same query, so a bar and its drill-down list always agree."""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from storefront.ocop import reference
from storefront.ocop.lunar import next_tet
from storefront.ocop.models import Certificate, badge_q
from storefront.ocop.rules import add_months, expiries_in_renewal_window

from .period import query_string
from .scope import product_filter, sector_names
from .tables import Column, Table

Product = get_model("catalogue", "Product")

#: How far ahead the falling-due figures look, in months (this month included).
AHEAD_MONTHS = 12
#: The drill-down lists, by the `list` parameter of the certificate list behind a figure.
LISTS = ("renewal", "expiring", "before-tet", "ended")


def coming_months(today):
    first = today.replace(day=1)
    return tuple(add_months(first, n) for n in range(AHEAD_MONTHS))


def month_days(month, today):
    """The days of `month` from `today` on: [first, last]."""
    return max(month, today), add_months(month, 1) - timedelta(days=1)


# --- the certificates behind each figure ------------------------------------------------------------------

def current(filters, today):
    """Each product's current certificate (the latest; a renewed one is not current), not revoked by `today`."""
    # Through the products' current_certificate_id: the planner reads `product__current_certificate=F("pk")` as
    # one row (7,351 at 50,000 products), which made the figures behind it take seconds (bench/README.md).
    return (Certificate.objects.filter(pk__in=Product.objects.values("current_certificate_id"))
            .filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=today))
            .filter(product_filter(filters, today, prefix="product__")))


def renewal_opens_q(first, last):
    """Certificates whose renewal window opens between `first` and `last` (the rules' window turned round)."""
    programme = reference.programme()
    return Q(valid_until__range=(expiries_in_renewal_window(programme, first)[1],
                                 expiries_in_renewal_window(programme, last)[1]))


def expiring_q(first, last):
    return Q(valid_until__range=(first, last))


def before_tet_q(today):
    """Showing a badge today and due for renewal before the coming Tết: the renewal window is open already or
    opens before Tết (so the producer has to file before the holiday, or soon after it at the latest)."""
    tet = next_tet(today)
    return badge_q(today, prefix="") & Q(valid_until__lt=expiries_in_renewal_window(reference.programme(), tet)[1])


def ended_q(period, today):
    """Revoked in the period, or expired in it (before today) without a renewal or a revocation first."""
    return revoked_q(period) | lapsed_q(period, today)


def revoked_q(period):
    return Q(revoked_on__gte=period.first, revoked_on__lt=period.end)


def lapsed_q(period, today):
    return (Q(product__current_certificate=F("pk"), valid_until__gte=period.first,
              valid_until__lt=min(period.end, today))
            & (Q(revoked_on__isnull=True) | Q(revoked_on__gt=F("valid_until"))))


def behind(kind, *, filters, today, month=None, province=None, period=None):
    """The certificates behind a figure's row: `kind` is one of LISTS."""
    if kind == "ended":
        certificates = Certificate.objects.filter(ended_q(period, today),
                                                  product_filter(filters, today, prefix="product__"))
    else:
        certificates = current(filters, today)
        if kind == "renewal":
            certificates = certificates.filter(renewal_opens_q(*month_days(month, today)))
        elif kind == "expiring":
            certificates = certificates.filter(expiring_q(*month_days(month, today)))
        else:
            certificates = certificates.filter(before_tet_q(today))
    if province:
        certificates = certificates.filter(producer__province__code=province)
    return (certificates.select_related("product", "producer__province")
            .order_by("valid_until", "number"))


def list_url(kind, period, filters, **params):
    return (reverse("dashboard:insight-certificates") + "?"
            + query_string(period, filters, list=kind, **{k: v for k, v in params.items() if v}))


# --- the figures --------------------------------------------------------------------------------------------

def certified_by_province(period, filters, *, today):
    found = (Product.objects.filter(badge_q(today), product_filter(filters, today))
             .values("producer__province__code", "producer__province__name")
             .annotate(products=Count("pk"), producers=Count("producer", distinct=True))
             .order_by("-products", "producer__province__name"))
    rows = tuple((row["producer__province__name"] or _("Unknown province"), row["products"], row["producers"])
                 for row in found)
    return Table("certified-by-province", _("Certified products and producers by province"),
                 (Column(_("Province/city"), "text"), Column(_("Products"), "count"), Column(_("Producers"), "count")),
                 rows, chart="bar", series_columns=(1, 2),
                 note=_("Products whose certificate shows its stars today, by the producer's province."))


def certified_by_sector(period, filters, *, today):
    names = sector_names()
    key = "classification__parent__parent__code"
    found = (Product.objects.filter(badge_q(today), product_filter(filters, today)).values(key)
             .annotate(products=Count("pk"), producers=Count("producer", distinct=True)).order_by("-products", key))
    rows = tuple((names.get(row[key], row[key] or _("Unclassified")), row["products"], row["producers"])
                 for row in found)
    return Table("certified-by-sector", _("Certified products and producers by sector"),
                 (Column(_("Sector"), "text"), Column(_("Products"), "count"), Column(_("Producers"), "count")),
                 rows, chart="bar", series_columns=(1, 2))


def stars_distribution(period, filters, *, today):
    found = (Product.objects.filter(badge_q(today), product_filter(filters, today))
             .values("current_certificate__stars").annotate(products=Count("pk"))
             .order_by("current_certificate__stars"))
    rows = tuple((_("%(stars)s★") % {"stars": row["current_certificate__stars"]}, row["products"]) for row in found)
    return Table("stars-distribution", _("Certified products by stars"),
                 (Column(_("Stars"), "text"), Column(_("Products"), "count")), rows, chart="doughnut")


def falling_due(period, filters, *, today):
    """Two figures from one query: certificates entering their renewal window, and expiring, per coming month."""
    months = coming_months(today)
    counts = {}
    for n, month in enumerate(months):
        days = month_days(month, today)
        counts[f"renewal_{n}"] = Count("pk", filter=renewal_opens_q(*days))
        counts[f"expiring_{n}"] = Count("pk", filter=expiring_q(*days))
    found = current(filters, today).aggregate(**counts)
    tables = []
    for kind, slug, title, note in (
            ("renewal", "renewal-window-by-month", _("Certificates entering the renewal window, next 12 months"),
             _("Current certificates whose renewal window opens in the month; open a month for the list.")),
            ("expiring", "expiring-by-month", _("Certificates expiring, next 12 months"),
             _("Current certificates that reach their last valid day in the month; open a month for the list."))):
        rows = tuple((month, found[f"{kind}_{n}"]) for n, month in enumerate(months))
        links = tuple(list_url(kind, period, filters, month=f"{month:%Y-%m}") for month in months)
        tables.append(Table(slug, title, (Column(_("Month"), "month"), Column(_("Certificates"), "count")),
                            rows, chart="bar", links=links, note=note))
    return tables


def due_before_tet(period, filters, *, today):
    tet = next_tet(today)
    found = (current(filters, today).filter(before_tet_q(today))
             .values("producer__province__code", "producer__province__name")
             .annotate(certificates=Count("pk")).order_by("-certificates", "producer__province__name"))
    rows = tuple((row["producer__province__name"] or _("Unknown province"), row["certificates"]) for row in found)
    links = tuple(list_url("before-tet", period, filters, province=row["producer__province__code"]) for row in found)
    return Table("due-before-tet", _("Falling due for renewal before Tết %(year)s, by province") % {"year": tet.year},
                 (Column(_("Province/city"), "text"), Column(_("Certificates"), "count")),
                 rows, chart="bar", links=links,
                 note=_("Certificates showing their stars today whose renewal window is open or opens before Tết "
                        "Nguyên Đán (%(date)s); open a province for the list.") % {"date": f"{tet:%d/%m/%Y}"})


def ended_by_province(period, filters, *, today):
    found = (Certificate.objects.filter(ended_q(period, today), product_filter(filters, today, prefix="product__"))
             .values("producer__province__code", "producer__province__name")
             .annotate(revoked=Count("pk", filter=revoked_q(period)),
                       lapsed=Count("pk", filter=lapsed_q(period, today)))
             .order_by("-revoked", "-lapsed", "producer__province__name"))
    rows = tuple((row["producer__province__name"] or _("Unknown province"), row["revoked"], row["lapsed"])
                 for row in found)
    links = tuple(list_url("ended", period, filters, province=row["producer__province__code"]) for row in found)
    return Table("revoked-and-lapsed", _("Revoked, and expired without renewal, by province"),
                 (Column(_("Province/city"), "text"), Column(_("Revoked"), "count"),
                  Column(_("Expired without renewal"), "count")),
                 rows, chart="stacked-bar", series_columns=(1, 2), links=links,
                 note=_("Certificates revoked in the period, and those that expired in it with no newer "
                        "certificate for the product."))


def certification_tables(period, filters, *, today):
    return [certified_by_province(period, filters, today=today), certified_by_sector(period, filters, today=today),
            stars_distribution(period, filters, today=today), due_before_tet(period, filters, today=today),
            *falling_due(period, filters, today=today), ended_by_province(period, filters, today=today)]
