"""A producer's own insight page (/dashboard/insight/mine/): its sales, best seller, low stock, certificates,
inquiries and booth applications. A producer user sees only its own producer (a user who runs several picks one
with ?producer=<id> among them; any other id is a 404). Staff choose the producer with ?producer=<id>; without it
they get a picker."""

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import generic
from oscar.core.loading import get_model

from storefront.insight.exports import export_from_query
from storefront.insight.period import InsightFilters, Period, query_string
from storefront.insight.producer import headline, last_three_months, producer_tables
from storefront.params import MAX_ID, BadParameter, bad_request, single, whole_number

Partner = get_model("partner", "Partner")


class ProducerInsightView(generic.TemplateView):
    template_name = "oscar/dashboard/insight/producer.html"

    def get(self, request, *args, **kwargs):
        try:
            today = timezone.localdate()
            period = Period.from_query(request.GET, today)
            producer = self.chosen_producer()
            if producer is None:  # staff who have not chosen a producer yet
                self.template_name = "oscar/dashboard/insight/producer_picker.html"
                return self.render_to_response(self.get_context_data(
                    producers=Partner.objects.only("pk", "name", "code"), period=period))
            tables = producer_tables(producer, period, today)
            export = export_from_query(tables, request.GET, filename_prefix=f"{producer.code}-")
        except BadParameter as error:
            return bad_request(error)
        if export is not None:
            return export
        keep = {"producer": producer.pk} if request.user.is_staff or len(self.own_producers) > 1 else {}
        return self.render_to_response(self.get_context_data(
            producer=producer, producers=self.own_producers, period=period, tables=tables, best=headline(tables),
            window=last_three_months(today), keep=keep, query=query_string(period, InsightFilters(), **keep)))

    @cached_property
    def own_producers(self):
        """The producers this user runs (none for staff: they choose any with the picker)."""
        user = self.request.user
        return [] if user.is_staff else list(user.partners.order_by("pk"))

    def chosen_producer(self):
        text = single(self.request.GET, "producer")
        producer_id = whole_number(text, "producer", minimum=1, maximum=MAX_ID) if text else None
        if self.request.user.is_staff:
            return get_object_or_404(Partner, pk=producer_id) if producer_id else None
        if not self.own_producers:
            raise PermissionDenied(_("Only a producer's users have an insight page of their own."))
        if producer_id is None:
            return self.own_producers[0]
        for producer in self.own_producers:
            if producer.pk == producer_id:
                return producer
        raise Http404  # not one of this user's producers: as if it did not exist
