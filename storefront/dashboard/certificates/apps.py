from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class CertificatesDashboardConfig(OscarDashboardConfig):
    """OCOP certificates in Oscar's dashboard. Only staff enter, edit and revoke certificates (the stars
    follow from them); a producer lists its own, uploads its certificate document and downloads QR codes.
    Documents are private files: only these views hand them out, to staff and the owning producer."""

    label = "certificates_dashboard"
    name = "storefront.dashboard.certificates"
    verbose_name = _("OCOP certificates")

    default_permissions = ["is_staff"]

    def configure_permissions(self):
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        staff_or_producer = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
        self.permissions_map = {
            "certificate-list": staff_or_producer,
            "certificate-qr": staff_or_producer,
            "certificate-document-upload": staff_or_producer,
            "certificate-document": staff_or_producer,  # the views also check the object's producer
            "certificate-request-document": staff_or_producer,
        }

    def ready(self):
        from . import views

        self.views = views
        self.configure_permissions()

    def get_urls(self):
        v = self.views
        urls = [
            path("", v.CertificateListView.as_view(), name="certificate-list"),
            path("create/", v.CertificateCreateView.as_view(), name="certificate-create"),
            path("<int:pk>/", v.CertificateUpdateView.as_view(), name="certificate-update"),
            path("<int:pk>/revoke/", v.CertificateRevokeView.as_view(), name="certificate-revoke"),
            path("<int:pk>/qr.<str:fmt>", v.CertificateQrView.as_view(), name="certificate-qr"),
            path("<int:pk>/document/", v.CertificateDocumentView.as_view(), name="certificate-document"),
            path("documents/upload/", v.DocumentUploadView.as_view(), name="certificate-document-upload"),
            path("documents/<int:pk>/", v.RequestDocumentView.as_view(), name="certificate-request-document"),
        ]
        return self.post_process_urls(urls)
