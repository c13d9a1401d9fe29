from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from storefront.ocop.collation import Vietnamese

Partner = get_model("partner", "Partner")


class DecisionForm(forms.Form):
    partner = forms.ModelChoiceField(
        Partner.objects.order_by(Vietnamese("name")), required=False, label=_("Link to an existing producer"),
        help_text=_("Leave empty to create a new producer from the application."))


class InviteForm(forms.Form):
    partner = forms.ModelChoiceField(Partner.objects.order_by(Vietnamese("name")), label=_("Producer"))
    email = forms.EmailField(label=_("E-mail of the person to invite"))
    full_name = forms.CharField(label=_("Full name"), max_length=150, required=False)
