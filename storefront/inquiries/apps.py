from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InquiriesConfig(AppConfig):
    """Wholesale and export inquiries ("kết nối thị trường"): a business asks a producer for a quote on a
    product, the producer answers in its dashboard, the business reads the thread through a private link."""

    name = "storefront.inquiries"
    verbose_name = _("Wholesale and export inquiries")
    default_auto_field = "django.db.models.BigAutoField"
