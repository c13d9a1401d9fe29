"""sitemap.xml: every live Wagtail page plus every public product."""

from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as PageSitemap


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        Product = get_model("catalogue", "Product")
        return (Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])
                .only("pk", "slug", "date_updated").order_by("pk"))

    def lastmod(self, product):
        return product.date_updated


SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap}
