from django.urls import path
from oscar.apps.checkout import apps
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "storefront.checkout"

    def ready(self):
        super().ready()
        self.card_payment_view = get_class("checkout.views", "CardPaymentView")
        self.card_return_view = get_class("checkout.views", "CardReturnView")
        self.communes_view = get_class("checkout.views", "communes")

    def get_urls(self):
        return super().get_urls() + [
            path("card/", self.card_payment_view.as_view(), name="card-payment"),
            path("card/return/", self.card_return_view.as_view(), name="card-return"),
            path("communes/", self.communes_view, name="communes"),
        ]
