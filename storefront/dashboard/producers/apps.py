from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig


class ProducersDashboardConfig(OscarDashboardConfig):
    """Staff review producer applications and invite producer users (all views staff only)."""

    label = "producers_dashboard"
    name = "storefront.dashboard.producers"
    verbose_name = _("Producer accounts")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views

    def get_urls(self):
        v = self.views
        urls = [
            path("", v.ApplicationListView.as_view(), name="producer-application-list"),
            path("applications/<int:pk>/", v.ApplicationDecideView.as_view(), name="producer-application"),
            path("invite/", v.InviteView.as_view(), name="producer-invite"),
        ]
        return self.post_process_urls(urls)
