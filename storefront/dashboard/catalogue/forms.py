from decimal import Decimal

from django import forms
from django.db.models import Q
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.core.loading import get_model

from storefront.ocop.uploads import clean_image
from storefront.partner.prices import price_problem, validate_price

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

OCOP_FIELDS = ["classification", "origin_province", "story", "unit"]
# Fields with an English version (storefront/catalogue/translation.py): the form edits both languages.
TRANSLATED_FIELDS = ("title", "description", "story")
LANGUAGE_LABELS = {"vi": _lazy("%(field)s (Vietnamese)"), "en": _lazy("%(field)s (English)")}


def in_both_languages(fields):
    """['title', 'upc', …] -> ['title_vi', 'title_en', 'upc', …]."""
    return [bilingual for name in fields
            for bilingual in ([f"{name}_vi", f"{name}_en"] if name in TRANSLATED_FIELDS else [name])]


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form plus the OCOP description fields. Stars and certificates are not product fields
    (they come from staff-entered certificates), so no producer can set them here. Staff also choose the
    producer; a producer's own products are theirs (set by the view)."""

    class Meta(oscar_forms.ProductForm.Meta):
        fields = in_both_languages(oscar_forms.ProductForm.Meta.fields + OCOP_FIELDS) + ["producer"]

    def __init__(self, product_class, *args, user=None, **kwargs):
        super().__init__(product_class, *args, **kwargs)
        self.label_languages()
        if user is not None and not user.is_staff and "producer" in self.fields:
            del self.fields["producer"]
        if "classification" in self.fields:
            # the classification decides the product's group, its category and its search facets
            self.fields["classification"].required = not (self.instance and self.instance.is_child)
            self.fields["classification"].queryset = self.fields["classification"].queryset.filter(
                level="product_set").select_related("version").order_by("-version__effective_from", "code")


    def label_languages(self):
        """'Title (Vietnamese)' and 'Title (English)'; the Vietnamese title is required as Oscar's title is
        (a child product may leave it empty), the English one falls back to it on the English site."""
        for name in TRANSLATED_FIELDS:
            for code, label in LANGUAGE_LABELS.items():
                field = self.fields.get(f"{name}_{code}")
                if field is not None:
                    field.label = label % {"field": capfirst(str(Product._meta.get_field(name).verbose_name).strip())}
        if "title_vi" in self.fields:
            self.fields["title_vi"].required = not self.instance.is_child
            self.fields["title_vi"].widget = forms.TextInput(attrs={"autocomplete": "off"})

    def delete_non_child_fields(self):
        super().delete_non_child_fields()
        for name in ("description_vi", "description_en"):
            self.fields.pop(name, None)


class ProductImageForm(oscar_forms.ProductImageForm):
    def clean_original(self):
        original = self.cleaned_data.get("original")
        if isinstance(original, UploadedFile):
            return clean_image(original)  # raises a form error; the formset then saves nothing
        return original


class SetProductPriceForm(oscar_forms.SetProductPriceForm):
    """Oscar's bulk price change, refused when any stock record it would touch ends up without a sane price
    (Oscar writes the new prices with UPDATE, past the model's validators)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name == "new_price" or name.startswith("price_"):
                field.validators.append(validate_price)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        amount, percentage = cleaned.get("increase_by_amount"), cleaned.get("increase_by_percentage")
        if amount is None and percentage is None:
            return cleaned  # set prices: each one went through validate_price
        specific = self.get_specific_prices()
        records = StockRecord.objects.filter(product__in=self.products_to_change(cleaned), price__isnull=False,
                                             partner__in=cleaned.get("partners") or [])
        for record in records.exclude(product_id__in=list(specific)).select_related("product"):
            if amount is not None:
                new_price = max(record.price + amount, Decimal(0))
            else:
                new_price = max(record.price * (1 + percentage / 100), Decimal(0))
            problem = price_problem(new_price)
            if problem:
                raise forms.ValidationError(
                    _("“%(product)s” would cost %(price)s ₫: %(problem)s") % {
                        "product": record.product.get_title(), "price": new_price.normalize(), "problem": problem})
        return cleaned

    def products_to_change(self, cleaned):
        """The products Oscar's view will update (its get_objects), from the same selection."""
        selectable = self.fields["selected_products"].queryset
        structures = [structure for flag, structure in (("select_all_parents", Product.PARENT),
                                                        ("select_all_children", Product.CHILD),
                                                        ("select_all_standalones", Product.STANDALONE))
                      if cleaned.get(flag)]
        chosen = [product.pk for product in cleaned.get("selected_products") or []]
        return selectable.filter(Q(pk__in=chosen) | Q(structure__in=structures))
