from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcopConfig(AppConfig):
    name = "storefront.ocop"
    label = "ocop"
    verbose_name = _("OCOP programme")
    default_auto_field = "django.db.models.AutoField"
