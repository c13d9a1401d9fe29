from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import formsets as oscar_formsets


class ProductCategoryFormSet(oscar_formsets.ProductCategoryFormSet):
    """Extra categories are optional: the product's OCOP classification already places it in its group's
    category (the view adds it), so a producer need not understand Oscar's category tree."""

    def clean(self):
        if self.instance.is_child and self.get_num_categories() > 0:
            raise forms.ValidationError(_("A child product should not have categories"))
