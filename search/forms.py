from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The header's search box (Oscar's templates expect `search_form`)."""

    q = forms.CharField(
        required=False, label=_("Search"), max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Search fish sauce, tea, pottery…"), "type": "search",
                                      "autocomplete": "off"}),
    )
