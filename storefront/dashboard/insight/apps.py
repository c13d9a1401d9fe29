from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

from ..access import staff_or_producer


class InsightDashboardConfig(OscarDashboardConfig):
    """Programme insight (storefront/insight): staff see the whole programme in charts and tables, a producer its
    own sales, stock, certificates, inquiries and booths."""

    label = "insight_dashboard"
    name = "storefront.dashboard.insight"
    verbose_name = _("Programme insight")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import producer_views, views

        self.views = views
        self.producer_view = producer_views.ProducerInsightView
        # the producer page narrows a producer user to its own producers
        self.permissions_map = staff_or_producer("insight-producer")

    def get_urls(self):
        urls = [
            path("", self.views.StaffInsightView.as_view(), name="insight-staff"),
            path("certificates/", self.views.CertificateListView.as_view(), name="insight-certificates"),
            path("mine/", self.producer_view.as_view(), name="insight-producer"),
        ]
        return self.post_process_urls(urls)
