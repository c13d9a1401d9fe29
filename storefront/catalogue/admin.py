from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from oscar.apps.catalogue.admin import *  # noqa: F401,F403  Oscar's catalogue admin
from oscar.apps.catalogue.admin import ProductAdmin as OscarProductAdmin
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")

admin.site.unregister(Product)


@admin.register(Product)
class ProductAdmin(TranslationAdmin, OscarProductAdmin):  # title, description, story in both languages
    search_fields = ["title", "upc", "code"]
    list_filter = [*OscarProductAdmin.list_filter, "origin_province"]
