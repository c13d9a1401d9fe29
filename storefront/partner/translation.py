"""A producer's introduction in English next to the Vietnamese (django-modeltranslation). Its name is a proper
name and stays as registered."""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")


@register(Partner)
class PartnerTranslationOptions(TranslationOptions):
    fields = ("description",)
