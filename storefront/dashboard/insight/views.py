"""The staff insight page (/dashboard/insight/): sales, certification, fairs and searches over a period, each
figure a chart with its table and downloads; and the certificate lists behind the certification figures."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic

from storefront.insight import certification, snapshots
from storefront.insight.exports import export_from_query
from storefront.insight.period import InsightFilters, Period, month_label, parse_month, query_string
from storefront.insight.scope import sector_names
from storefront.ocop import reference
from storefront.ocop.collation import Vietnamese
from storefront.ocop.lunar import next_tet
from storefront.ocop.models import Province
from storefront.params import BadParameter, bad_request, choice, shown, single, whole_number

PAGE_PARAMS = {"from", "to", "province", "sector", "stars", "export", "format"}
LIST_PARAMS = PAGE_PARAMS - {"export", "format"} | {"list", "month", "page"}
CERTIFICATES_PER_PAGE = 50


def check_known(querydict, known):
    unknown = sorted(set(querydict) - known)
    if unknown:
        raise BadParameter(_("Unknown parameters: %(names)s. Use %(known)s.")
                           % {"names": shown(", ".join(unknown)), "known": ", ".join(sorted(known))})


def provinces():
    return list(Province.objects.order_by(Vietnamese("name")).values_list("code", "name"))


def read_filters(querydict, province_choices):
    return InsightFilters.from_query(querydict, provinces=[code for code, _name in province_choices],
                                     sectors=sector_names())


class FilterContextMixin:
    def filter_context(self, period, filters, province_choices):
        return {"period": period, "filters": filters, "province_choices": province_choices,
                "sector_choices": sorted(sector_names().items()),
                "star_choices": reference.programme().certified_stars,
                "query": query_string(period, filters)}


class StaffInsightView(FilterContextMixin, generic.TemplateView):
    template_name = "oscar/dashboard/insight/staff.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        try:
            check_known(request.GET, PAGE_PARAMS)
            period = Period.from_query(request.GET, today)
            province_choices = provinces()
            filters = read_filters(request.GET, province_choices)
            # computed together and kept a while (storefront/insight/snapshots.py); an export reads the same
            snapshot = snapshots.staff_snapshot(period, filters, today)
            export = export_from_query([table for *_rest, tables in snapshot.sections for table in tables],
                                       request.GET)
        except BadParameter as error:
            return bad_request(error)
        if export is not None:
            return export
        return self.render_to_response(self.get_context_data(
            sections=snapshot.sections, computed_at=snapshot.computed_at,
            refresh_minutes=settings.INSIGHT_REFRESH_MINUTES, today=today, tet=next_tet(today),
            **self.filter_context(period, filters, province_choices)))


class CertificateListView(FilterContextMixin, generic.TemplateView):
    """The certificates behind one bar or row of a certification figure (certification.behind)."""

    template_name = "oscar/dashboard/insight/certificates.html"

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        try:
            check_known(request.GET, LIST_PARAMS)
            kind = choice(single(request.GET, "list"), "list", certification.LISTS)
            period = Period.from_query(request.GET, today)
            province_choices = provinces()
            filters = read_filters(request.GET, province_choices)
            month = None
            if kind in ("renewal", "expiring"):
                month = parse_month(single(request.GET, "month"), "month")
                if month not in certification.coming_months(today):
                    raise BadParameter(_("month must be one of the coming 12 months."))
            elif single(request.GET, "month"):
                raise BadParameter(_("month goes only with list=renewal or list=expiring."))
            # one province at a time narrows the list: the row that was opened
            province = filters.provinces[0] if len(filters.provinces) == 1 else None
            page_number = whole_number(single(request.GET, "page") or "1", "page", minimum=1, maximum=10_000)
        except BadParameter as error:
            return bad_request(error)
        certificates = certification.behind(kind, filters=filters, today=today, month=month, period=period)
        page = Paginator(certificates, CERTIFICATES_PER_PAGE).get_page(page_number)
        return self.render_to_response(self.get_context_data(
            kind=kind, month=month, province=dict(province_choices).get(province), page_obj=page,
            certificates=page.object_list, paginator=page.paginator, is_paginated=page.has_other_pages(),
            heading=self.heading(kind, month, today), today=today,
            **self.filter_context(period, filters, province_choices)))

    @staticmethod
    def heading(kind, month, today):
        if kind == "renewal":
            return _("Certificates entering the renewal window in %(month)s") % {"month": month_label(month)}
        if kind == "expiring":
            return _("Certificates expiring in %(month)s") % {"month": month_label(month)}
        if kind == "before-tet":
            return _("Certificates falling due for renewal before Tết (%(date)s)") % {
                "date": f"{next_tet(today):%d/%m/%Y}"}
        return _("Certificates revoked, or expired without renewal, in the period")
