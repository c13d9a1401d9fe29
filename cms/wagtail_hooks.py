"""Admin wiring for the content pages: the product chooser, the list of a booth producer's products."""

from django.urls import path
from wagtail import hooks

from .booths import booth_products
from .viewsets import product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset


@hooks.register("register_admin_urls")
def register_booth_products_url():
    return [path("booth-products/", booth_products, name="cms_booth_products")]
