import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Products carry the OCOP fields; producers set them for their own products; uploads are checked."""

    name = "storefront.dashboard.catalogue"
