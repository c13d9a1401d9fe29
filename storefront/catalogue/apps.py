import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    """Products carry the OCOP taxonomy, their origin, their producer and their current certificate."""

    name = "storefront.catalogue"
