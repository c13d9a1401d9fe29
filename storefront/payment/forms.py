from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from storefront.ocop.text import grouped


class RefundForm(forms.Form):
    amount = forms.DecimalField(label=_("Amount to refund (₫)"), min_value=Decimal(1), decimal_places=0,
                                max_digits=12)

    def __init__(self, *args, refundable, **kwargs):
        super().__init__(*args, **kwargs)
        self.refundable = refundable
        self.fields["amount"].initial = refundable
        self.fields["amount"].max_value = refundable
        self.fields["amount"].help_text = _("At most %(amount)s ₫ can still be refunded.") % {
            "amount": grouped(refundable)}

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount > self.refundable:
            raise forms.ValidationError(_("This is more than what can still be refunded."))
        return amount
