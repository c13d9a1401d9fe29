"""The export details a producer writes in both languages (django-modeltranslation: packaging_vi/_en …)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ExportProfile


@register(ExportProfile)
class ExportProfileTranslation(TranslationOptions):
    fields = ("packaging", "certifications")
