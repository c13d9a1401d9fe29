"""Checkout forms: a Vietnamese delivery address and the choice of payment method."""

import phonenumbers
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout import forms as oscar_forms
from oscar.apps.checkout.forms import *  # noqa: F401,F403  Oscar's other checkout forms, unchanged

from storefront.ocop.collation import Vietnamese
from storefront.ocop.models import Commune, Province

from .payment_methods import CARD, COD, available_methods


class GatewayForm(oscar_forms.GatewayForm):
    """Oscar's checkout sign-in, without telling whether an e-mail has an account: a guest with a registered
    e-mail checks out as a guest (the order goes to that address), and "new account" goes on to registration,
    which answers the same for a taken and a fresh address (storefront/customer/registration.py)."""

    def clean(self):
        if self.is_guest_checkout() or self.is_new_account_checkout():
            self.errors.pop("password", None)  # only signing in needs one
            return self.cleaned_data
        return super().clean()


def normalise_vietnamese_phone(raw):
    """A Vietnamese mobile or landline (0912 345 678, +84 912 345 678, 024 3825 1234) in E.164, or None."""
    try:
        number = phonenumbers.parse(raw, "VN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number) or phonenumbers.region_code_for_number(number) != "VN":
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """Recipient, phone, province (the 34 units since 1 July 2025), commune or ward, street. The province is
    stored in `state`, the commune in `line4` (Oscar's city line), the street in `line1`."""

    province = forms.ModelChoiceField(Province.objects.order_by(Vietnamese("name")), label=_("Province or city"),
                                      empty_label=_("Choose a province or city"))
    # The list holds the chosen province's communes only, so a commune from elsewhere fails as an invalid choice:
    # that message says what went wrong (a browser that changed province mid-load, or a forged form).
    commune = forms.ModelChoiceField(Commune.objects.select_related("province").order_by(Vietnamese("name")), required=False,
                                     label=_("Commune or ward"), empty_label=_("Not in the list: type it below"),
                                     error_messages={"invalid_choice": _("This commune is not in the chosen province.")})
    commune_other = forms.CharField(max_length=255, required=False, label=_("Commune or ward (if not in the list)"))

    class Meta(oscar_forms.ShippingAddressForm.Meta):
        fields = ["first_name", "phone_number", "line1", "country", "notes"]

    field_order = ["first_name", "phone_number", "province", "commune", "commune_other", "line1", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].label = _("Recipient's full name")
        self.fields["line1"].label = _("House number and street")
        self.fields["phone_number"].required = True
        self.fields["phone_number"].label = _("Phone number")
        self.fields["phone_number"].help_text = _("A Vietnamese number, e.g. 0912 345 678")
        self.fields["notes"].label = _("Delivery notes")
        self.fields["notes"].widget.attrs["rows"] = 2
        self.fields["commune"].widget.attrs["data-communes-url"] = reverse("checkout:communes")
        # phones: the dial pad for the number, and the browser's saved address for the rest
        self.fields["phone_number"].widget.input_type = "tel"
        self.fields["phone_number"].widget.attrs.update(inputmode="tel")
        for name, purpose in (("first_name", "name"), ("phone_number", "tel"), ("province", "address-level1"),
                              ("commune", "address-level2"), ("commune_other", "address-level2"),
                              ("line1", "address-line1")):
            self.fields[name].widget.attrs["autocomplete"] = purpose
        self._prefill_place(self.initial)

    def _prefill_place(self, initial):
        province = Province.objects.filter(full_name=initial.get("state")).first() if initial.get("state") else None
        if province:
            initial.setdefault("province", province.pk)
            commune = Commune.objects.filter(province=province, name=initial.get("line4")).first()
            if commune:
                initial.setdefault("commune", commune.pk)
            elif initial.get("line4"):
                initial.setdefault("commune_other", initial["line4"])
        chosen = str(self.data.get(self.add_prefix("province")) or initial.get("province") or "")
        if chosen.isdigit():  # anything else fails the province field with its own message
            self.fields["commune"].queryset = self.fields["commune"].queryset.filter(province_id=chosen)
        else:
            self.fields["commune"].queryset = Commune.objects.none()

    def clean_phone_number_field(self, field_name):
        raw = self.cleaned_data.get(field_name) or ""
        number = normalise_vietnamese_phone(raw)
        if number is None:
            self.add_error(field_name, _("Enter a Vietnamese phone number, e.g. 0912 345 678."))
            return raw
        return number

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("province"), cleaned.get("commune")
        other = (cleaned.get("commune_other") or "").strip()
        if not commune and not other and "commune" not in self.errors:
            self.add_error("commune_other", _("Choose your commune or ward, or type it if it is not in the list."))
        if province:
            self.instance.state = province.full_name
        self.instance.line4 = commune.name if commune else other
        return cleaned


class PaymentMethodForm(forms.Form):
    method = forms.ChoiceField(label=_("How would you like to pay?"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = {CARD: _("Card (Visa, Mastercard, JCB) — paid now, securely through Stripe"),
                  COD: _("Cash on delivery — pay each producer's courier when your parcels arrive")}
        self.fields["method"].choices = [(code, labels[code]) for code in available_methods()]
        self.fields["method"].initial = available_methods()[0]
