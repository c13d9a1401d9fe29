from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig

from ..access import staff_or_producer


class CertificatesDashboardConfig(OscarDashboardConfig):
    """OCOP certificates in Oscar's dashboard. Only staff enter, edit and revoke certificates (the stars
    follow from them); a producer lists its own, uploads its certificate document and downloads QR codes.
    Documents are private files: only these views hand them out, to staff and the owning producer."""

    label = "certificates_dashboard"
    name = "storefront.dashboard.certificates"
    verbose_name = _("OCOP certificates")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views
        # the views also check a document's producer
        self.permissions_map = staff_or_producer("certificate-list", "certificate-qr", "certificate-document-upload",
                                                 "certificate-document", "certificate-request-document")

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
