from oscar.apps.catalogue.views import *  # noqa: F401,F403  Oscar's remaining catalogue views
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, reading what it shows in a fixed number of queries: Oscar's base_queryset
    (product class, options, children, stock records, images) plus the OCOP rows (certificate, origin,
    producer, classification); the blocks showing the rest are cached (catalogue/detail.html). Without its two
    option prefetches: `Product.options` combines both into a new query anyway, and the basket form asks for
    options only when base_queryset's `has_options` annotations say there are some (no OCOP product has any)."""

    def get_queryset(self):
        return (super().get_queryset().base_queryset()
                .prefetch_related(None).prefetch_related("children", "stockrecords", "images")
                .select_related("current_certificate", "origin_province", "producer__province", "producer__commune",
                                "classification__parent__parent"))
