"""Admin wiring for the content pages: the product chooser."""

from wagtail import hooks

from .viewsets import product_chooser_viewset


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset
