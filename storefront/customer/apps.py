from django.urls import path
from oscar.apps.customer import apps
from oscar.core.loading import get_class


class CustomerConfig(apps.CustomerConfig):
    """Oscar's account pages; forked for the order line (views.OrderLineView) and for registration that
    confirms the e-mail address before opening the account (registration.py)."""

    name = "storefront.customer"

    def ready(self):
        super().ready()
        self.registration_sent_view = get_class("customer.views", "RegistrationSentView")
        self.account_confirm_view = get_class("customer.views", "AccountConfirmView")

    def get_urls(self):
        return super().get_urls() + [
            path("register/sent/", self.registration_sent_view.as_view(), name="register-sent"),
            path("confirm/<uidb64>/<token>/", self.account_confirm_view.as_view(), name="account-confirm"),
        ]
