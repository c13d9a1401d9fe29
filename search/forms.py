from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    """The header's search box (Oscar's templates expect `search_form`)."""

    q = forms.CharField(
        required=False, label=_("Tìm kiếm"), max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Tìm nước mắm, chè, gốm…"), "type": "search",
                                      "autocomplete": "off"}),
    )
