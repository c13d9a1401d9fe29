from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

from ..access import staff_or_producer


class BoothsDashboardConfig(OscarDashboardConfig):
    """Fair booths (storefront/tradedesk): a producer applies for a booth and follows its application; staff
    review each fair's applications, place booths and print the exhibitor list."""

    label = "booths_dashboard"
    name = "storefront.dashboard.booths"
    verbose_name = _("Fair booths")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views
        # the views narrow a producer to its own applications and need its producer to apply
        self.permissions_map = staff_or_producer("booth-application-list", "booth-apply", "booth-application")

    def get_urls(self):
        v = self.views
        urls = [
            path("", v.BoothApplicationListView.as_view(), name="booth-application-list"),
            path("apply/", v.ApplyView.as_view(), name="booth-apply"),
            path("<int:pk>/", v.ApplicationView.as_view(), name="booth-application"),
            path("fairs/<int:pk>/", v.FairApplicationsView.as_view(), name="booth-fair"),
            path("fairs/<int:pk>/exhibitors.pdf", v.ExhibitorListView.as_view(), name="booth-exhibitors"),
        ]
        return self.post_process_urls(urls)
