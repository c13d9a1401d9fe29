from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OcopConfig(AppConfig):
    name = "storefront.ocop"
    label = "ocop"
    verbose_name = _("OCOP programme")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from .collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="ocop_vietnamese_collation")

        from django.db.models.signals import post_delete, post_save

        from .models import TaxonomyNode, TaxonomyVersion
        from .taxonomy import forget_taxonomy

        for model in (TaxonomyNode, TaxonomyVersion):
            for signal in (post_save, post_delete):
                signal.connect(forget_taxonomy, sender=model, dispatch_uid=f"forget_taxonomy_{model.__name__}")
