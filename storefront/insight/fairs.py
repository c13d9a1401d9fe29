"""Fair figures: booth applications received in the period, by fair, zone, the producer's province and state
(storefront/tradedesk). Only the province filter applies: an application is a producer's, not a product's."""

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from storefront.tradedesk.models import BoothApplication

from .tables import Column, Table

STATES = BoothApplication.Status


def applications(period, filters):
    start, end = period.bounds()
    found = BoothApplication.objects.filter(created_at__gte=start, created_at__lt=end)
    if filters.provinces:
        found = found.filter(producer__province__code__in=filters.provinces)
    return found


def by_state():
    return {f"state_{state.value}": Count("pk", filter=Q(state=state.value)) for state in STATES}


def booths_by_fair(period, filters, *, today):
    found = (applications(period, filters).values("fair_id")
             .annotate(title=Max("fair__title"), starts_on=Max("fair__starts_on"), **by_state())
             .order_by("starts_on", "fair_id"))
    rows = tuple((row["title"], *(row[f"state_{state.value}"] for state in STATES)) for row in found)
    links = tuple(reverse("dashboard:booth-fair", kwargs={"pk": row["fair_id"]}) for row in found)
    return Table("booths-by-fair", _("Booth applications by fair and state"),
                 (Column(_("Fair"), "text"), *(Column(str(state.label), "count") for state in STATES)),
                 rows, chart="stacked-bar", series_columns=tuple(range(1, len(STATES) + 1)), links=links,
                 note=_("Applications received in the period; open a fair for its applications."))


def booths_by_zone(period, filters, *, today):
    found = (applications(period, filters).filter(state=STATES.ACCEPTED, zone__isnull=False).values("zone_id")
             .annotate(fair_title=Max("fair__title"), zone_name=Max("zone__name"),
                       zone_capacity=Max("zone__capacity"), booths=Count("pk"))
             .order_by("fair_title", "zone_name"))
    rows = tuple((f"{row['fair_title']} · {row['zone_name']}", row["booths"], row["zone_capacity"]) for row in found)
    return Table("booths-by-zone", _("Booths placed by zone"),
                 (Column(_("Fair · zone"), "text"), Column(_("Booths placed"), "count"),
                  Column(_("Booths in the zone"), "count")),
                 rows, chart="bar", series_columns=(1, 2))


def booths_by_province(period, filters, *, today):
    found = (applications(period, filters).values("producer__province__code")
             .annotate(province=Max("producer__province__name"), applications=Count("pk"),
                       accepted=Count("pk", filter=Q(state=STATES.ACCEPTED)))
             .order_by("-applications", "province"))
    rows = tuple((row["province"] or _("Unknown province"), row["applications"], row["accepted"]) for row in found)
    return Table("booths-by-province", _("Booth applications by producer's province"),
                 (Column(_("Province/city"), "text"), Column(_("Applications"), "count"),
                  Column(_("Accepted"), "count")),
                 rows, chart="bar", series_columns=(1, 2))


def application_states(period, filters, *, today):
    found = applications(period, filters).aggregate(**by_state())
    rows = tuple((str(state.label), found[f"state_{state.value}"]) for state in STATES)
    return Table("booth-states", _("Booth applications by state"),
                 (Column(_("State"), "text"), Column(_("Applications"), "count")), rows, chart="doughnut")


def fair_tables(period, filters, *, today):
    return [figure(period, filters, today=today) for figure in (
        booths_by_fair, booths_by_zone, booths_by_province, application_states)]
