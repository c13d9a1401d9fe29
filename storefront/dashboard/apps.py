import oscar.apps.dashboard.apps as apps
from django.apps import apps as django_apps
from django.urls import include, path


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard plus two OCOP apps: certificates (staff certify, producers upload and download QR
    codes) and producers (staff approve applications and invite producer users)."""

    name = "storefront.dashboard"

    def ready(self):
        super().ready()
        self.certificates_app = django_apps.get_app_config("certificates_dashboard")
        self.producers_app = django_apps.get_app_config("producers_dashboard")
        self.inquiries_app = django_apps.get_app_config("inquiries_dashboard")
        self.export_catalogue_app = django_apps.get_app_config("export_catalogue_dashboard")
        self.booths_app = django_apps.get_app_config("booths_dashboard")
        self.tasks_app = django_apps.get_app_config("tasks_dashboard")
        self.insight_app = django_apps.get_app_config("insight_dashboard")

    def get_urls(self):
        urls = super().get_urls()
        urls += self.post_process_urls([
            path("certificates/", include(self.certificates_app.urls[0])),
            path("producers/", include(self.producers_app.urls[0])),
            path("inquiries/", include(self.inquiries_app.urls[0])),
            path("export/", include(self.export_catalogue_app.urls[0])),
            path("booths/", include(self.booths_app.urls[0])),
            path("tasks/", include(self.tasks_app.urls[0])),
            path("insight/", include(self.insight_app.urls[0])),
        ])
        return urls
