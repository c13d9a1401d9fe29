from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

from ..access import staff_or_producer


class InquiriesDashboardConfig(OscarDashboardConfig):
    """Wholesale and export inquiries in Oscar's dashboard: a producer answers those addressed to it; staff see
    every inquiry with its response time and remind producers who have not answered."""

    label = "inquiries_dashboard"
    name = "storefront.dashboard.inquiries"
    verbose_name = _("Wholesale and export inquiries")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views
        self.permissions_map = staff_or_producer("inquiry-list", "inquiry-detail")

    def get_urls(self):
        v = self.views
        urls = [
            path("", v.InquiryListView.as_view(), name="inquiry-list"),
            path("<int:pk>/", v.InquiryDetailView.as_view(), name="inquiry-detail"),
            path("<int:pk>/remind/", v.InquiryNudgeView.as_view(), name="inquiry-nudge"),
        ]
        return self.post_process_urls(urls)
