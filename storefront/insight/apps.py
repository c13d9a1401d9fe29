from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightConfig(AppConfig):
    """Programme insight: the figures behind the staff and producer insight pages (storefront/dashboard/insight),
    each one a Table computed by GROUP BY in the database."""

    name = "storefront.insight"
    label = "insight"
    verbose_name = _("Programme insight")
