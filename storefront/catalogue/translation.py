"""Products and shop categories in English next to Vietnamese (django-modeltranslation): `title` reads title_vi
or title_en for the active language and falls back to Vietnamese when the English one is empty. Code that must
have one language whatever the request's (search indexing, search_text) reads the `_vi` / `_en` columns."""

from modeltranslation.translator import TranslationOptions, register
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


@register(Product)
class ProductTranslationOptions(TranslationOptions):
    fields = ("title", "description", "story")


@register(Category)
class CategoryTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("vi",)
