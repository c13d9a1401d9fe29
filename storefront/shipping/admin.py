from django.contrib import admin
from oscar.apps.shipping.admin import *  # noqa: F401,F403
from oscar.core.loading import get_model

ProducerTariff = get_model("shipping", "ProducerTariff")


@admin.register(ProducerTariff)
class ProducerTariffAdmin(admin.ModelAdmin):
    list_display = ("__str__", "flat_rate", "free_from")
    autocomplete_fields = ("producer",)
