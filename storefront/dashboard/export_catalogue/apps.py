from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

from ..access import staff_or_producer


class ExportCatalogueDashboardConfig(OscarDashboardConfig):
    """Producers add export details to their own products (staff to any): what puts a 4–5★ product in the
    export catalogue."""

    label = "export_catalogue_dashboard"
    name = "storefront.dashboard.export_catalogue"
    verbose_name = _("Export catalogue")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views
        self.permissions_map = staff_or_producer("export-product-list", "export-profile")

    def get_urls(self):
        v = self.views
        urls = [
            path("", v.ExportProductListView.as_view(), name="export-product-list"),
            path("<int:pk>/", v.ExportProfileView.as_view(), name="export-profile"),
        ]
        return self.post_process_urls(urls)
