from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.AutoField"

    def ready(self):
        from storefront.site_url import align_site_records_after_migrate

        # Django's and Wagtail's site records follow SITE_URL on every deploy, not only in the demo.
        post_migrate.connect(align_site_records_after_migrate, sender=self)
