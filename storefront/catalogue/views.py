from django.conf import settings
from oscar.apps.catalogue.views import *  # noqa: F401,F403  Oscar's remaining catalogue views
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView
from oscar.core.loading import get_model

from storefront.kept_pages import kept_page

from .caching import prices_and_stock_shown_with, shown_version

Product = get_model("catalogue", "Product")


class ProductDetailView(OscarProductDetailView):
    """Oscar's product page, reading what it shows in a fixed number of queries: Oscar's base_queryset
    (product class, options, children, stock records, images) plus the OCOP rows (certificate, origin,
    producer, classification); the blocks showing the rest are cached (catalogue/detail.html). Without its two
    option prefetches: `Product.options` combines both into a new query anyway, and the basket form asks for
    options only when base_queryset's `has_options` annotations say there are some (no OCOP product has any).

    A blank visitor (storefront/kept_pages.py) who did not come from search results (Oscar's back button) gets the
    page kept whole, under the product's prices and stock and those of the products it recommends."""

    def get(self, request, *args, **kwargs):
        if came_from_search(request):
            return super().get(request, *args, **kwargs)
        pk = kwargs["pk"]
        return kept_page(
            request, "product", lambda: (shown_version(), prices_and_stock_shown_with(pk)),
            lambda: super(ProductDetailView, self).get(request, *args, **kwargs),
            # the page lists the visitor's recently viewed products
            more_cookies=(settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,),
            # Oscar's receivers of the signal (the history cookie, the view counter) read only the product's id
            on_hit=lambda response: self.send_signal(request, response, Product(pk=pk)))

    def get_queryset(self):
        return (super().get_queryset().base_queryset()
                .prefetch_related(None).prefetch_related("children", "stockrecords", "images")
                .select_related("current_certificate", "origin_province", "producer__province", "producer__commune",
                                "classification__parent__parent"))


def came_from_search(request):
    from urllib.parse import urlsplit

    from django.urls import reverse

    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    return referer.netloc == request.get_host() and referer.path == reverse("search:search")
