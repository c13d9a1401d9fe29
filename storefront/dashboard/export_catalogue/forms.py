from django import forms
from django.utils.translation import gettext_lazy as _

from storefront.export_catalogue.models import ExportProfile, normalise_hs_code


class ExportProfileForm(forms.ModelForm):
    """The export details, and the product's English name and description (the product's own fields, which the
    English site and the catalogue show)."""

    title_en = forms.CharField(label=_("English name"), max_length=255,
                               help_text=_("As importers will read it, e.g. \"Phu Quoc fish sauce 40°N\"."))
    description_en = forms.CharField(label=_("English description"), required=False,
                                     widget=forms.Textarea(attrs={"rows": 4}))

    class Meta:
        model = ExportProfile
        fields = ["packaging_vi", "packaging_en", "shelf_life_months", "monthly_capacity", "capacity_unit",
                  "certifications_vi", "certifications_en", "hs_code"]
        labels = {"packaging_vi": _("Export packaging (Vietnamese)"), "packaging_en": _("Export packaging (English)"),
                  "certifications_vi": _("Other certifications (Vietnamese)"),
                  "certifications_en": _("Other certifications (English)")}

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.product = product
        self.fields["packaging_vi"].required = True
        self.fields["shelf_life_months"].widget.attrs.update(min=1, max=120)
        if not self.is_bound:
            self.initial.update(title_en=product.title_en or "", description_en=product.description_en or "")

    def clean_shelf_life_months(self):
        months = self.cleaned_data["shelf_life_months"]
        if not 1 <= months <= 120:
            raise forms.ValidationError(_("Give the shelf life in months, from 1 to 120."))
        return months

    def clean_monthly_capacity(self):
        capacity = self.cleaned_data["monthly_capacity"]
        if capacity < 1:
            raise forms.ValidationError(_("A monthly capacity is at least 1."))
        return capacity

    def clean_hs_code(self):
        code = self.cleaned_data["hs_code"].strip()
        return normalise_hs_code(code) if code else ""

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.product = self.product
        self.product.title_en = self.cleaned_data["title_en"]
        self.product.description_en = self.cleaned_data["description_en"]
        if commit:
            profile.save()
            self.product.save()
        return profile
