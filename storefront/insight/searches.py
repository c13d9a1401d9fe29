"""What buyers search for (search.SearchRecord, one row per search with words, nothing personal) and what they
open from the results (search.SearchClick). Grouped by the folded query, so "Mật ong" and "mat ong" are one
row. The page's province, sector and stars filters do not apply: a search belongs to no producer."""

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from search.models import SearchClick, SearchRecord
from search.records import FILTERS

from .tables import Column, Table

TOP = 20
ZERO_RESULTS_SHOWN = 50
POSITIONS_SHOWN = 20
FILTER_LABELS = {"group": gettext_lazy("Product group"), "province": gettext_lazy("Province/city"),
                 "stars": gettext_lazy("Stars"), "price": gettext_lazy("Price"),
                 "producer_type": gettext_lazy("Producer type")}


def records(period):
    start, end = period.bounds()
    return SearchRecord.objects.filter(searched_at__gte=start, searched_at__lt=end)


def percent(part, whole):
    return round(100 * part / whole, 1) if whole else 0


def top_queries(period, filters, *, today, limit=TOP):
    """The most searched queries with their click-through rate: the share of their searches from which the buyer
    opened at least one product."""
    found = (records(period).values("folded")
             .annotate(query=Max("query"), searches=Count("pk", distinct=True),
                       clicked=Count("clicks__record", distinct=True), zero=Count("pk", filter=Q(results=0),
                                                                                  distinct=True))
             .order_by("-searches", "folded")[:limit])
    rows = tuple((row["query"], row["folded"], row["searches"], percent(row["clicked"], row["searches"]),
                  row["zero"]) for row in found)
    return Table("top-queries", _("Top searches"),
                 (Column(_("Query (as one buyer typed it)"), "text"), Column(_("Folded form"), "text"),
                  Column(_("Searches"), "count"), Column(_("Click-through"), "percent"),
                  Column(_("With no result"), "count")),
                 rows, chart="bar", label_column=1, series_columns=(2,),
                 note=_("Click-through: the share of the searches after which the buyer opened a product."))


def zero_result_queries(period, filters, *, today, limit=ZERO_RESULTS_SHOWN):
    """What buyers search for that the shop does not sell: queries that found nothing, most asked first."""
    found = (records(period).filter(results=0).values("folded")
             .annotate(query=Max("query"), searches=Count("pk"), last=Max("searched_at"))
             .order_by("-searches", "folded")[:limit])
    rows = tuple((row["query"], row["folded"], row["searches"], timezone.localdate(row["last"]))  # the day in Vietnam
                 for row in found)
    return Table("zero-result-queries", _("Searches that found nothing"),
                 (Column(_("Query (as one buyer typed it)"), "text"), Column(_("Folded form"), "text"),
                  Column(_("Searches"), "count"), Column(_("Last searched"), "date")),
                 rows, chart="bar", label_column=1, series_columns=(2,),
                 note=_("What buyers look for and we do not sell (no product matched, not even after a "
                        "spelling correction)."))


def filters_used(period, filters, *, today):
    counts = {name: Count("pk", filter=Q(filters__icontains=f'"{name}"')) for name in FILTERS}
    found = records(period).aggregate(total=Count("pk"), **counts)
    rows = tuple((str(FILTER_LABELS.get(name, name)), found[name], percent(found[name], found["total"]))
                 for name in FILTERS)
    return Table("filters-used", _("Filters used with a search"),
                 (Column(_("Filter"), "text"), Column(_("Searches"), "count"),
                  Column(_("Share of searches"), "percent")),
                 rows, chart="bar")


def clicks_by_position(period, filters, *, today, limit=POSITIONS_SHOWN):
    start, end = period.bounds()
    found = (SearchClick.objects.filter(clicked_at__gte=start, clicked_at__lt=end).values("position")
             .annotate(clicks=Count("pk")).order_by("position")[:limit])
    rows = tuple((str(row["position"]), row["clicks"]) for row in found)
    return Table("clicks-by-position", _("Products opened from search, by position in the results"),
                 (Column(_("Position"), "text"), Column(_("Clicks"), "count")), rows, chart="bar")


def search_tables(period, filters, *, today):
    return [figure(period, filters, today=today) for figure in (
        zero_result_queries, top_queries, filters_used, clicks_by_position)]
