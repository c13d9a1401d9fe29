import oscar.apps.catalogue.apps as apps
from django.db.models.signals import post_migrate


class CatalogueConfig(apps.CatalogueConfig):
    """Products carry the OCOP taxonomy, their origin, their producer and their current certificate."""

    name = "storefront.catalogue"

    def ready(self):
        super().ready()
        from . import caching

        caching.connect()  # cached pages forget what a saved or deleted row changes

        from .missing_image import store_missing_image

        post_migrate.connect(store_missing_image, sender=self)  # Oscar's placeholder, also in a media bucket
