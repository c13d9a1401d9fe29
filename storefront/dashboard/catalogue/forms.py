from django.core.files.uploadedfile import UploadedFile
from oscar.apps.dashboard.catalogue import forms as oscar_forms

from storefront.ocop.uploads import clean_image

OCOP_FIELDS = ["classification", "origin_province", "story", "unit"]


class ProductForm(oscar_forms.ProductForm):
    """Oscar's product form plus the OCOP description fields. Stars and certificates are not product fields
    (they come from staff-entered certificates), so no producer can set them here. Staff also choose the
    producer; a producer's own products are theirs (set by the view)."""

    class Meta(oscar_forms.ProductForm.Meta):
        fields = oscar_forms.ProductForm.Meta.fields + OCOP_FIELDS + ["producer"]

    def __init__(self, product_class, *args, user=None, **kwargs):
        super().__init__(product_class, *args, **kwargs)
        if user is not None and not user.is_staff and "producer" in self.fields:
            del self.fields["producer"]
        if "classification" in self.fields:
            # the classification decides the product's group, its category and its search facets
            self.fields["classification"].required = not (self.instance and self.instance.is_child)
            self.fields["classification"].queryset = self.fields["classification"].queryset.filter(
                level="product_set").select_related("version").order_by("-version__effective_from", "code")


class ProductImageForm(oscar_forms.ProductImageForm):
    def clean_original(self):
        original = self.cleaned_data.get("original")
        if isinstance(original, UploadedFile):
            return clean_image(original)  # raises a form error; the formset then saves nothing
        return original
