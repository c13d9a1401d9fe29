"""Public pages of the programme's data."""

from django import forms
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from storefront import params

from .models import Certificate, today
from .ratelimit import rate_limited
from .rules import Status

verify_limit = rate_limited("verify", "OCOP_VERIFY_RATE_LIMIT_REQUESTS", "OCOP_VERIFY_RATE_LIMIT_WINDOW")

#: The verdict shown on /verify/, in both languages (a QR code is scanned by buyers and inspectors alike).
VERDICTS = {
    Status.VALID: _("VALID"),
    Status.RENEWAL_WINDOW: _("IN RENEWAL"),
    Status.EXPIRED: _("EXPIRED"),
    Status.REVOKED: _("REVOKED"),
    Status.NOT_YET_VALID: _("NOT YET VALID"),
    None: _("NOT FOUND"),
}


def verdict(status):
    """(Vietnamese, English) for a status; None means no such certificate."""
    label = VERDICTS[status]
    with translation.override("vi"):
        vi = str(label)
    with translation.override("en"):
        en = str(label)
    return vi, en


class LookupForm(forms.Form):
    """What a certificate number typed, scanned or put in a URL may be: the one check for /verify/."""

    number = forms.CharField(label=_("Certificate number"), max_length=64, strip=True,
                             widget=forms.TextInput(attrs={"placeholder": "AG-2026-0001", "autofocus": True}))

    def clean_number(self):
        if hasattr(self.data, "getlist") and len(self.data.getlist("number")) > 1:
            raise forms.ValidationError(_("Enter one certificate number at a time."))
        try:
            return params.text(self.cleaned_data["number"], "number", max_length=64)
        except params.BadParameter as error:
            raise forms.ValidationError(str(error)) from None


@verify_limit
def verify_form(request):
    form = LookupForm(request.GET or None)
    if form.is_valid():
        return redirect("ocop:verify", number=form.cleaned_data["number"])
    return render(request, "ocop/verify_form.html", {"form": form}, status=400 if form.is_bound else 200)


@verify_limit
def verify(request, number):
    """Anyone can check a certificate number (the pack's QR code points here)."""
    form = LookupForm({"number": number})
    if not form.is_valid():  # e.g. a NUL, which PostgreSQL would refuse in the query: a 400 with the form
        return render(request, "ocop/verify_form.html", {"form": form}, status=400)
    number = form.cleaned_data["number"]
    certificate = (
        Certificate.objects.select_related("product", "producer", "rule_set").filter(number=number).first()
    )
    status = certificate.status if certificate else None
    verdict_vi, verdict_en = verdict(status)
    return render(
        request,
        "ocop/verify.html",
        {"number": number, "certificate": certificate, "status": status, "today": today(),
         "verdict_vi": verdict_vi, "verdict_en": verdict_en, "form": LookupForm(initial={"number": number})},
        status=200 if certificate else 404,
    )
