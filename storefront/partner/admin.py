from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from oscar.apps.partner.admin import *  # noqa: F401,F403  Oscar's partner admin
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")

admin.site.unregister(Partner)


@admin.register(Partner)
class ProducerAdmin(TranslationAdmin):  # the introduction in Vietnamese and English
    list_display = ["name", "legal_type", "province", "verified"]
    list_filter = ["legal_type", "verified", "province"]
    search_fields = ["name", "phone", "email"]
