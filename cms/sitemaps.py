"""sitemap.xml: every live Wagtail page plus every public product, all on the public host (settings.SITE_URL),
whatever host the request came in on and whatever the site records say."""

from django.contrib.sitemaps import Sitemap
from oscar.core.loading import get_model
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from storefront.site_url import public_origin, rehost


class PublicHostSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        return public_origin().scheme

    def get_domain(self, site=None):
        return public_origin().netloc


class PageSitemap(WagtailSitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = rehost(url["location"])
        return urls


class ProductSitemap(PublicHostSitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        Product = get_model("catalogue", "Product")
        return (Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])
                .only("pk", "slug", "date_updated").order_by("pk"))

    def lastmod(self, product):
        return product.date_updated


SITEMAPS = {"pages": PageSitemap, "products": ProductSitemap}
