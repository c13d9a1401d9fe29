from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportCatalogueConfig(AppConfig):
    """The export catalogue: 4–5★ products with a valid certificate whose producers added export details,
    listed at /export/ (English first) and printed as a PDF catalogue from live data."""

    name = "storefront.export_catalogue"
    verbose_name = _("Export catalogue")
    default_auto_field = "django.db.models.BigAutoField"
