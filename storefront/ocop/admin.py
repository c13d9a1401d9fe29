"""Django admin for the programme's reference data and certificates (staff only). Producers never reach it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .status import STATUS_LABELS
from .models import Certificate, Commune, LegacyProvince, Province, RuleSet, TaxonomyNode, TaxonomyVersion


class LegacyProvinceInline(admin.TabularInline):
    model = LegacyProvince
    extra = 0
    fields = ["code", "name", "unit_type"]


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_type", "region"]
    list_filter = ["unit_type", "region"]
    search_fields = ["name", "name_en", "code"]
    inlines = [LegacyProvinceInline]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit_type", "province", "legacy_district", "legacy_province"]
    list_filter = ["province", "unit_type"]
    search_fields = ["name", "code", "legacy_district"]


@admin.register(TaxonomyVersion)
class TaxonomyVersionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "effective_from"]


@admin.register(TaxonomyNode)
class TaxonomyNodeAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "version"]
    list_filter = ["version", "level"]
    search_fields = ["name", "name_en", "code"]


@admin.register(RuleSet)
class RuleSetAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "effective_from", "effective_until", "max_a", "max_b", "max_c"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "product", "producer", "stars", "total", "issued_on", "valid_until", "status_label"]
    list_filter = ["stars", "level", "rule_set"]
    search_fields = ["number", "decision_number", "product__title", "producer__name"]
    autocomplete_fields = ["product", "producer", "supersedes"]
    readonly_fields = ["total", "stars", "valid_until", "created_at", "updated_at"]
    date_hierarchy = "issued_on"

    @admin.display(description=_("status"))
    def status_label(self, certificate):
        return STATUS_LABELS[certificate.status]



