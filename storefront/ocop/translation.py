"""English next to Vietnamese (django-modeltranslation): `name` reads name_vi or name_en for the active language,
falling back to Vietnamese. English place names keep the proper name without diacritics ("Quang Ninh")."""

from modeltranslation.translator import TranslationOptions, register

from .models import Province, TaxonomyNode


@register(Province)
class ProvinceTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)


@register(TaxonomyNode)
class TaxonomyNodeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("vi",)
