from django.urls import path

from .views import FlaggedPaymentListView, RefundView
from .webhooks import stripe_webhook

app_name = "payment"
urlpatterns = [
    path("stripe/webhook/", stripe_webhook, name="stripe-webhook"),
    path("refund/<str:order_number>/", RefundView.as_view(), name="refund"),
    path("flagged/", FlaggedPaymentListView.as_view(), name="flagged"),
]
