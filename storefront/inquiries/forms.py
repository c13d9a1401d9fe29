from datetime import timedelta

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from storefront.ocop.models import Province, today
from storefront.ocop.tax_codes import TaxCodeError, normalise

from .models import Inquiry, InquiryMessage, Quote

TAX_CODE_ERRORS = {
    "shape": _("A tax code is 10 digits, 10 digits plus a 3-digit branch (0101234567-001), or a 12-digit "
               "personal identification number."),
    "check_digit": _("This tax code's last digit does not match the others: please check it."),
    "branch": _("A branch number is 001 or higher."),
    "personal_province": _("A 12-digit personal identification number starts with a province code from 001 to 096."),
}
#: How far ahead a business may ask for goods; beyond that it is a typing mistake, not a plan.
LATEST_NEEDED_BY = timedelta(days=730)
MAX_QUANTITY = 10_000_000
MAX_UNIT_PRICE = 10_000_000_000  # đồng


def bounded(field, minimum, maximum):
    """Limits a model form's number field (its validators are made before a form can say the range)."""
    field.validators += [MinValueValidator(minimum), MaxValueValidator(maximum)]
    field.widget.attrs.update(min=minimum, max=maximum)


def tax_code_field_value(raw):
    try:
        return normalise(raw)
    except TaxCodeError as error:
        raise forms.ValidationError(TAX_CODE_ERRORS[error.reason], code=error.reason) from None


class InquiryForm(forms.ModelForm):
    """What a business sends about one product. `website` is a honeypot: hidden from people, filled by bots."""

    website = forms.CharField(required=False, label=_("Leave this field empty"),
                              widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))

    class Meta:
        model = Inquiry
        fields = ["company", "tax_code", "contact_name", "email", "phone", "quantity", "unit",
                  "destination_country", "destination_province", "needed_by", "message"]
        widgets = {
            "needed_by": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "company": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "tax_code": forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "0101234567"}),
            "message": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "destination_province": _("For deliveries in Viet Nam."),
            "message": _("Packaging, labelling, certificates you need, delivery terms…"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["destination_province"].queryset = Province.objects.all()
        bounded(self.fields["quantity"], 1, MAX_QUANTITY)
        self.fields["needed_by"].widget.attrs["min"] = today().isoformat()

    def clean_tax_code(self):
        return tax_code_field_value(self.cleaned_data["tax_code"])

    def clean_needed_by(self):
        needed_by = self.cleaned_data["needed_by"]
        if needed_by < today():
            raise forms.ValidationError(_("The date needed cannot be in the past."))
        if needed_by > today() + LATEST_NEEDED_BY:
            raise forms.ValidationError(_("Ask for a date within two years."))
        return needed_by

    def clean(self):
        cleaned = super().clean()
        country, province = cleaned.get("destination_country"), cleaned.get("destination_province")
        if country == "VN" and province is None and "destination_province" not in self.errors:
            self.add_error("destination_province", _("Choose the province or city the goods go to."))
        if country and country != "VN":
            cleaned["destination_province"] = None
        return cleaned

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))


class MessageForm(forms.ModelForm):
    """A message in an inquiry's thread; `label` says who writes it to whom."""

    label = _("Message")

    class Meta:
        model = InquiryMessage
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = self.label


class BusinessReplyForm(MessageForm):
    label = _("Your reply")


class ProducerMessageForm(MessageForm):
    label = _("Message to the business")


class QuoteForm(forms.ModelForm):
    class Meta:
        model = Quote
        fields = ["unit_price", "unit", "minimum_order", "lead_time_days", "valid_until", "note"]
        widgets = {"valid_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, inquiry=None, **kwargs):
        super().__init__(*args, **kwargs)
        if inquiry is not None and not self.is_bound:
            self.initial.setdefault("unit", inquiry.unit)
            self.initial.setdefault("minimum_order", inquiry.quantity)
        bounded(self.fields["unit_price"], 1, MAX_UNIT_PRICE)
        bounded(self.fields["minimum_order"], 1, MAX_QUANTITY)
        bounded(self.fields["lead_time_days"], 0, 365)
        self.fields["valid_until"].widget.attrs["min"] = today().isoformat()

    def clean_valid_until(self):
        valid_until = self.cleaned_data["valid_until"]
        if valid_until < today():
            raise forms.ValidationError(_("A quote must be valid until today or later."))
        return valid_until
