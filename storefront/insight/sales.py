"""Sales figures for the staff insight page: revenue is what the order lines charged (their totals, whole đồng)
on orders placed in the period, leaving out cancelled orders and lines. Each function is one GROUP BY query."""

from datetime import datetime

from django.db.models import Count, Max, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from storefront.payment.refunds import PARTIALLY_REFUNDED, REFUNDED

from .scope import PROVINCE, PROVINCE_NAME, SECTOR, filtered_lines, sector_names, sold_lines, stars_now
from .tables import Column, Table

Partner = get_model("partner", "Partner")
PaymentEvent = get_model("order", "PaymentEvent")

REVENUE_NOTE = gettext_lazy("Revenue is what the order lines charged, in đồng, on orders placed in the period; "
                            "cancelled orders and lines are left out, refunds are shown separately.")
TOP = 10


def money(value):
    return int(value or 0)


def local_month(value):
    """A TruncMonth value (an aware datetime in the site's zone) as the month's 1st day."""
    return timezone.localtime(value).date() if isinstance(value, datetime) else value


def by_month(lines, period):
    """(month, revenue, orders, units) of these order lines for every month of `period`, zeros where none: one
    GROUP BY, shared by the staff page and a producer's own."""
    found = {local_month(row["month"]): row for row in (
        lines.annotate(month=TruncMonth("order__date_placed")).values("month")
        .annotate(revenue=Sum("line_price_incl_tax"), orders=Count("order", distinct=True), units=Sum("quantity"))
        .order_by())}
    return tuple((month, money(found.get(month, {}).get("revenue")), found.get(month, {}).get("orders", 0),
                  found.get(month, {}).get("units") or 0) for month in period.months)


def revenue_by_month(period, filters, *, today):
    rows = tuple(row[:3] for row in by_month(sold_lines(period, filters, today), period))
    return Table("sales-by-month", _("Revenue and orders by month"),
                 revenue_columns(_("Month"), "month"), rows, chart="bar", series_columns=(1, 2),
                 note=str(REVENUE_NOTE))


def revenue_columns(label, kind="text"):
    """The columns of a figure by one grouping: its label, then revenue and orders."""
    return (Column(label, kind), Column(_("Revenue"), "money"), Column(_("Orders"), "count"))


def product_links(product_ids):
    """Each product's dashboard page; none for a deleted product (its lines keep their title)."""
    return tuple(reverse("dashboard:catalogue-product", kwargs={"pk": pk}) if pk else "" for pk in product_ids)


def _grouped(lines, key, *names):
    return (lines.values(key, *names).annotate(revenue=Sum("line_price_incl_tax"),
                                               orders=Count("order", distinct=True))
            .order_by("-revenue", key))


def revenue_by_province(period, filters, *, today):
    rows = tuple((row[PROVINCE_NAME] or _("Unknown province"), money(row["revenue"]), row["orders"])
                 for row in _grouped(sold_lines(period, filters, today), PROVINCE, PROVINCE_NAME))
    return Table("sales-by-province", _("Revenue by producer's province"),
                 revenue_columns(_("Province/city")),
                 rows, chart="bar")


def revenue_by_sector(period, filters, *, today):
    names = sector_names()
    rows = tuple((names.get(row[SECTOR], row[SECTOR] or _("Unclassified")), money(row["revenue"]), row["orders"])
                 for row in _grouped(sold_lines(period, filters, today), SECTOR))
    return Table("sales-by-sector", _("Revenue by sector"),
                 revenue_columns(_("Sector")),
                 rows, chart="doughnut")


def revenue_by_stars(period, filters, *, today):
    lines = sold_lines(period, filters, today).annotate(stars=stars_now(today))
    rows = tuple((_("%(stars)s★") % {"stars": row["stars"]} if row["stars"] else _("No stars"),
                  money(row["revenue"]), row["orders"])
                 for row in _grouped(lines, "stars"))
    return Table("sales-by-stars", _("Revenue by stars"),
                 revenue_columns(_("Stars")),
                 rows, chart="doughnut",
                 note=_("Stars as the product's certificate shows them today, not at the time of sale."))


def revenue_by_legal_type(period, filters, *, today):
    labels = dict(Partner.LegalType.choices)
    rows = tuple((str(labels.get(row["partner__legal_type"], _("Unknown"))), money(row["revenue"]), row["orders"])
                 for row in _grouped(sold_lines(period, filters, today), "partner__legal_type"))
    return Table("sales-by-legal-type", _("Revenue by producer's legal type"),
                 revenue_columns(_("Legal type")),
                 rows, chart="doughnut")


def top_products(period, filters, *, today, limit=TOP):
    found = (sold_lines(period, filters, today).values("product_id")
             .annotate(title=Max("title"), producer=Max("partner_name"), quantity=Sum("quantity"),
                       revenue=Sum("line_price_incl_tax"), orders=Count("order", distinct=True))
             .order_by("-revenue", "product_id")[:limit])
    rows = tuple((row["title"], row["producer"], row["quantity"], money(row["revenue"]), row["orders"])
                 for row in found)
    links = product_links(row["product_id"] for row in found)
    return Table("top-products", _("Top products"),
                 (Column(_("Product"), "text"), Column(_("Producer"), "text"), Column(_("Quantity"), "count"),
                  Column(_("Revenue"), "money"), Column(_("Orders"), "count")),
                 rows, chart="bar", series_columns=(3,), links=links)


def top_producers(period, filters, *, today, limit=TOP):
    found = (sold_lines(period, filters, today).values("partner_id")
             .annotate(name=Max("partner_name"), province=Max(PROVINCE_NAME),
                       revenue=Sum("line_price_incl_tax"), orders=Count("order", distinct=True))
             .order_by("-revenue", "partner_id")[:limit])
    rows = tuple((row["name"], row["province"] or "", money(row["revenue"]), row["orders"]) for row in found)
    return Table("top-producers", _("Top producers"),
                 (Column(_("Producer"), "text"), Column(_("Province/city"), "text"), Column(_("Revenue"), "money"),
                  Column(_("Orders"), "count")),
                 rows, chart="bar", series_columns=(2,))


def payment_methods(period, filters, *, today):
    """Card against cash on delivery: the payment source of each order (one per order in this shop)."""
    key = "order__sources__source_type__name"
    # source type names are stored in English and translated where shown (CARD_SOURCE, COD_SOURCE)
    rows = tuple((_(row[key]) if row[key] else _("Not recorded"), money(row["revenue"]), row["orders"])
                 for row in _grouped(sold_lines(period, filters, today), key))
    return Table("payment-methods", _("Card and cash on delivery"),
                 revenue_columns(_("Payment")),
                 rows, chart="doughnut")


def refunds_by_month(period, filters, *, today):
    """Card refunds recorded in the period (storefront/payment/refunds.py), by the month they were made."""
    start, end = period.bounds()
    events = PaymentEvent.objects.filter(event_type__name__in=(REFUNDED, PARTIALLY_REFUNDED),
                                         date_created__gte=start, date_created__lt=end)
    if filters:
        events = events.filter(order__in=filtered_lines(filters, today).values("order_id"))
    found = {local_month(row["month"]): row for row in (
        events.annotate(month=TruncMonth("date_created")).values("month")
        .annotate(amount=Sum("amount"), orders=Count("order", distinct=True)))}
    rows = tuple((month, money(found.get(month, {}).get("amount")), found.get(month, {}).get("orders", 0))
                 for month in period.months)
    return Table("refunds-by-month", _("Card refunds by month"),
                 (Column(_("Month"), "month"), Column(_("Refunded"), "money"), Column(_("Orders"), "count")),
                 rows, chart="line", note=_("Full and partial refunds of card payments, by the day they were made."))


def sales_tables(period, filters, *, today):
    return [figure(period, filters, today=today) for figure in (
        revenue_by_month, revenue_by_province, revenue_by_sector, revenue_by_stars, revenue_by_legal_type,
        top_products, top_producers, payment_methods, refunds_by_month)]
