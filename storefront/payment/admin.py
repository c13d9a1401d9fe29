from django.contrib import admin
from oscar.apps.payment.admin import *  # noqa: F401,F403
from oscar.core.loading import get_model

PaymentAttempt = get_model("payment", "PaymentAttempt")
StripeEvent = get_model("payment", "StripeEvent")


@admin.register(PaymentAttempt)
class PaymentAttemptAdmin(admin.ModelAdmin):
    """Staff look here for payments that need a human: mismatches and paid-but-unfulfillable attempts."""

    list_display = ("order_number", "payment_intent_id", "status", "order_total", "currency", "created")
    list_filter = ("status",)
    search_fields = ("order_number", "payment_intent_id", "guest_email")
    readonly_fields = [field.name for field in PaymentAttempt._meta.fields]


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ("event_id", "type", "received", "processed", "outcome")
    list_filter = ("type",)
    search_fields = ("event_id",)
    readonly_fields = [field.name for field in StripeEvent._meta.fields]
