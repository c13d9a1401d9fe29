from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from cms.models import BoothZone

from . import booths
from .models import BoothApplication

Product = get_model("catalogue", "Product")


def size_label(size):
    fee = currency(size.fee) if size.fee else _("free")
    return f"{size.label} — {fee}"


class BoothApplicationForm(forms.ModelForm):
    """A producer's application: offers only its products that qualify for the fair, and refuses any other
    product sent (another producer's, or one whose certificate does not cover the fair), naming it."""

    products = forms.ModelMultipleChoiceField(
        queryset=Product.objects.none(), widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
        label=_("Products to show"),
        help_text=_("Your products with an OCOP certificate that qualifies for this fair."))
    join_waitlist = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = BoothApplication
        fields = ["products", "size", "needs_power", "needs_cold_storage", "contact_name", "contact_phone", "note"]
        widgets = {"size": forms.RadioSelect, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, fair, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fair, self.producer = fair, producer
        self.eligible = booths.eligible_products(fair, producer)
        # Any product id is read, so a tampered one gets a message naming it rather than "not a valid choice".
        self.fields["products"].queryset = Product.objects.all()
        self.fields["products"].widget.choices = [(product.pk, self.product_label(product))
                                                  for product in self.eligible]
        self.fields["size"].queryset = fair.booth_sizes.all()
        self.fields["size"].label_from_instance = size_label
        self.fields["size"].empty_label = None

    @staticmethod
    def product_label(product):
        certificate = product.current_certificate
        return f"{product.title} ({certificate.stars}★, {certificate.number})"

    def clean_products(self):
        products = list(self.cleaned_data["products"])
        try:
            booths.check_products(self.fair, self.producer, products)
        except booths.Refused as refusal:
            raise forms.ValidationError(str(refusal)) from None
        return products

    def clean_contact_phone(self):
        phone = self.cleaned_data["contact_phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if not 9 <= len(digits) <= 15 or any(c not in "0123456789 +.-()" for c in phone):
            raise forms.ValidationError(_("Give a phone number of 9 to 15 digits, e.g. 0912 345 678."))
        return phone


class AcceptForm(forms.Form):
    zone = forms.ModelChoiceField(queryset=BoothZone.objects.none(), label=_("Zone"))
    booth_code = forms.CharField(label=_("Booth number"), max_length=16)

    def __init__(self, *args, fair, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["zone"].queryset = fair.booth_zones.all()
        self.fields["zone"].label_from_instance = lambda zone: _("%(name)s (%(taken)s of %(capacity)s taken)") % {
            "name": zone.name, "taken": booths.zone_taken(fair, zone), "capacity": zone.capacity}


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
                             help_text=_("The producer reads it in the e-mail and the dashboard."))
