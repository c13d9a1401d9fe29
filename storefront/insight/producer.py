"""One producer's insight: its sales by month and by product, its best seller of the last three months, stock
running low, its certificates' dates, its inquiries and booth applications. Every figure is one GROUP BY (or one
plain query) in the database, scoped to the producer: never another producer's rows, never a loop over orders."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, IntegerField, Max, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from storefront.inquiries.models import Inquiry
from storefront.ocop import rules
from storefront.ocop.models import Certificate
from storefront.ocop.status import STATUS_LABELS
from storefront.tradedesk.models import BoothApplication

from .period import InsightFilters, Period
from .sales import by_month, money, product_links
from .scope import sold_lines
from .tables import Column, Table, find

StockRecord = get_model("partner", "StockRecord")

#: Oscar's own low-stock notion is StockRecord.low_stock_threshold (set in the product form, compared with the
#: net stock level); a record the producer has given no threshold is "running low" under this many units.
DEFAULT_LOW_STOCK_THRESHOLD = 5
#: The headline's window: the current month and the two before it.
BEST_SELLER_MONTHS = 3


def lines_sold(producer, period, today):
    """The producer's own order lines sold in `period`: what counts as a sale is the staff page's rule
    (scope.sold_lines), narrowed to this producer."""
    return sold_lines(period, InsightFilters(), today).filter(partner=producer)


# --- sales ------------------------------------------------------------------------------------------------

def revenue_by_month(producer, period, today) -> Table:
    rows = by_month(lines_sold(producer, period, today), period)
    return Table(slug="revenue-by-month", title=_("Revenue and orders by month"),
                 columns=(Column(_("Month"), "month"), Column(_("Revenue"), "money"),
                          Column(_("Orders"), "count"), Column(_("Units sold"), "count")),
                 rows=rows, chart="bar", series_columns=(1, 2),
                 note=_("What your order lines charged, in đồng, on orders placed in the period; cancelled orders "
                        "and lines are left out (card orders refunded later stay in)."))


def sales_by_product(producer, period, today):
    """[(product id or None, title, units, orders, revenue)], best first: revenue, then units, then title."""
    found = (lines_sold(producer, period, today).values("product_id", "product__title")
             .annotate(line_title=Max("title"), units=Sum("quantity"), orders=Count("order", distinct=True),
                       revenue=Sum("line_price_incl_tax"))
             .order_by("-revenue", "-units", "product__title"))
    # a deleted product keeps its lines (product_id NULL): they show under the title they were sold with
    return [(row["product_id"], row["product__title"] or row["line_title"], row["units"] or 0, row["orders"],
             money(row["revenue"])) for row in found]


def product_table(slug, title, note, sales) -> Table:
    return Table(slug=slug, title=title, note=note,
                 columns=(Column(_("Product"), "text"), Column(_("Units sold"), "count"),
                          Column(_("Orders"), "count"), Column(_("Revenue"), "money")),
                 rows=tuple((name, units, orders, revenue) for _pk, name, units, orders, revenue in sales),
                 chart="bar" if sales else "", series_columns=(3,),
                 links=product_links(pk for pk, *_rest in sales))


def revenue_by_product(producer, period, today) -> Table:
    return product_table("revenue-by-product", _("Revenue by product"), _("In the chosen period, best first."),
                         sales_by_product(producer, period, today))


def last_three_months(today: date) -> Period:
    """The headline's window: today's month and the two before it."""
    last = today.replace(day=1)
    return Period(rules.add_months(last, 1 - BEST_SELLER_MONTHS), last)


def best_sellers(producer, today: date) -> Table:
    """The producer's products ranked by revenue over the last three months: the headline's table."""
    window = last_three_months(today)
    return product_table("best-sellers", _("Best sellers of the last three months"),
                         _("%(first)s to %(last)s, by revenue.") % {"first": f"{window.first:%m/%Y}",
                                                                     "last": f"{window.last:%m/%Y}"},
                         sales_by_product(producer, window, today))


@dataclass(frozen=True)
class Headline:
    """The best-selling product of the last three months, as the page shows it at a glance."""

    title: str
    units: int
    orders: int
    revenue: int
    link: str


def headline(tables) -> Headline | None:
    """Read from the best-sellers table (so the headline and its table cannot disagree); None: no sales."""
    table = find(tables, "best-sellers")
    if not table.rows:
        return None
    return Headline(*table.rows[0], link=table.links[0])


# --- stock, certificates, inquiries, booths ---------------------------------------------------------------

def low_stock(producer) -> Table:
    records = (StockRecord.objects.filter(partner=producer, num_in_stock__isnull=False)
               .annotate(net=F("num_in_stock") - Coalesce("num_allocated", 0),
                         threshold=Coalesce("low_stock_threshold",
                                            Value(DEFAULT_LOW_STOCK_THRESHOLD, output_field=IntegerField())))
               .filter(net__lt=F("threshold"))
               .values_list("product_id", "product__title", "partner_sku", "net", "threshold")
               .order_by("net", "product__title"))
    records = list(records)
    return Table(slug="low-stock", title=_("Stock running low"),
                 note=_("Available stock (in stock less reserved) under the product's low-stock threshold, "
                        "or under %(default)s units where none is set.") % {"default": DEFAULT_LOW_STOCK_THRESHOLD},
                 columns=(Column(_("Product"), "text"), Column(_("SKU"), "text"), Column(_("Available"), "count"),
                          Column(_("Threshold"), "count")),
                 rows=tuple((title, sku, net, threshold) for _pk, title, sku, net, threshold in records),
                 links=product_links(pk for pk, *_rest in records))


def certificate_dates(producer, today: date) -> Table:
    """The current certificate of each of the producer's products; the dates and status come from the rules."""
    certificates = list(Certificate.objects.filter(producer=producer, product__current_certificate=F("pk"))
                        .select_related("product").order_by("valid_until", "number"))
    rows = tuple((certificate.number, certificate.product.title, certificate.stars, certificate.issued_on,
                  certificate.renewal_window[0], certificate.valid_until,
                  str(STATUS_LABELS[certificate.status_on(today)])) for certificate in certificates)
    return Table(slug="certificates", title=_("Certificates"),
                 note=_("Each product's current certificate, soonest expiry first."),
                 columns=(Column(_("Certificate number"), "text"), Column(_("Product"), "text"),
                          Column(_("Stars"), "count"), Column(_("Issued"), "date"),
                          Column(_("Renewal window opens"), "date"), Column(_("Valid until"), "date"),
                          Column(_("Status"), "text")),
                 rows=rows, links=tuple(c.get_absolute_url() for c in certificates))


def inquiries_by_status(producer, period) -> Table:
    start, end = period.bounds()
    counts = dict(Inquiry.objects.filter(producer=producer, created_at__gte=start, created_at__lt=end)
                  .values_list("status").annotate(count=Count("pk")).order_by())
    listing = reverse("dashboard:inquiry-list")
    return Table(slug="inquiries", title=_("Inquiries by status"),
                 note=_("Wholesale and export inquiries received in the period."),
                 columns=(Column(_("Status"), "text"), Column(_("Inquiries"), "count")),
                 rows=tuple((str(label), counts.get(value, 0)) for value, label in Inquiry.Status.choices),
                 chart="doughnut" if any(counts.values()) else "", label_column=0, series_columns=(1,),
                 links=tuple(f"{listing}?{urlencode({'status': value})}"
                             for value, _label in Inquiry.Status.choices))


def booth_applications(producer) -> Table:
    applications = list(BoothApplication.objects.filter(producer=producer)
                        .select_related("fair", "zone").order_by("-fair__starts_on", "-created_at"))
    return Table(slug="booth-applications", title=_("Booth applications"),
                 columns=(Column(_("Fair"), "text"), Column(_("Fair starts"), "date"), Column(_("State"), "text"),
                          Column(_("Booth number"), "text")),
                 rows=tuple((application.fair.title, application.fair.starts_on, application.get_state_display(),
                             application.booth_code) for application in applications),
                 links=tuple(reverse("dashboard:booth-application", kwargs={"pk": application.pk})
                             for application in applications))


def producer_tables(producer, period, today: date | None = None) -> list[Table]:
    """Every table of the producer's page, in page order (the best sellers first: the headline's ranking)."""
    today = today or timezone.localdate()
    return [best_sellers(producer, today), revenue_by_month(producer, period, today),
            revenue_by_product(producer, period, today),
            low_stock(producer), certificate_dates(producer, today), inquiries_by_status(producer, period),
            booth_applications(producer)]
