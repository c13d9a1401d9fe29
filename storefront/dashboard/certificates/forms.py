from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from datetime import timedelta

from django.db.models import Q

from storefront.ocop.collation import Vietnamese
from storefront.ocop.models import Certificate, CertificationRequest, Province, badge_q, status_q, today
from storefront.ocop.rules import Status
from storefront.ocop.status import STATUS_LABELS
from storefront.ocop.text import fold
from storefront.ocop.uploads import clean_document

Product = get_model("catalogue", "Product")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class CertificateForm(forms.ModelForm):
    """Staff enter what the decision says; total, stars and validity are derived by the rules."""

    class Meta:
        model = Certificate
        fields = ["product", "number", "decision_number", "issued_on", "level", "authority", "rule_set",
                  "score_a", "score_b", "score_c", "document", "supersedes"]
        widgets = {"issued_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.filter(producer__isnull=False).order_by("title")
        self.fields["supersedes"].queryset = Certificate.objects.select_related("product").order_by("-issued_on")

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document and hasattr(document, "content_type"):  # a new upload, not the stored file
            return clean_document(document)
        return document

    def clean(self):
        cleaned = super().clean()
        product = cleaned.get("product")
        if product is not None:
            self.instance.producer = product.producer  # a certificate belongs to the product's producer
        supersedes = cleaned.get("supersedes")
        if supersedes and product and supersedes.product_id != product.pk:
            self.add_error("supersedes", _("Choose an earlier certificate of the same product."))
        return cleaned


class RevokeForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["revoked_on", "revocation_reason"]
        widgets = {"revoked_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked_on"].required = True
        self.fields["revocation_reason"].required = True
        self.initial.setdefault("revoked_on", today())


class DocumentUploadForm(forms.ModelForm):
    """What a producer may send: which of its products, the scan, a note. Nothing about scores or stars."""

    class Meta:
        model = CertificationRequest
        fields = ["product", "document", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        products = Product.objects.filter(producer__isnull=False)
        if not user.is_staff:
            products = products.filter(producer__users=user)
        self.fields["product"].queryset = products.order_by("title")
        self.fields["document"].help_text = _("PDF, JPEG or PNG; staff check it and enter the certificate.")

    def clean_document(self):
        return clean_document(self.cleaned_data["document"])


class CertificateFilterForm(forms.Form):
    """The certificate list's filters (GET), all as of today; an unknown value is a form error, never ignored."""

    EXPIRY_HORIZONS = (30, 90, 180)

    q = forms.CharField(label=_("Search"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search", "size": 32,
                                                      "placeholder": _("Number, product or producer")}))
    status = forms.TypedChoiceField(
        label=_("Status today"), required=False, coerce=Status, empty_value=None,
        choices=[("", _("Any status"))] + [(status.value, label) for status, label in STATUS_LABELS.items()])
    province = forms.ModelChoiceField(Province.objects.order_by(Vietnamese("name")), label=_("Producer's province/city"),
                                      required=False, empty_label=_("All provinces/cities"))
    stars = forms.TypedChoiceField(label=_("Stars"), required=False, coerce=int, empty_value=None,
                                   choices=[("", _("Any stars"))] + [(n, f"{n}★") for n in (3, 4, 5)])
    expiring_within = forms.TypedChoiceField(
        label=_("Expiring within"), required=False, coerce=int, empty_value=None,
        choices=[("", _("Any time"))] + [(days, _("%(days)s days") % {"days": days}) for days in EXPIRY_HORIZONS])

    def filter(self, certificates):
        """`certificates` narrowed by the valid form's choices; the soonest to expire first when that is asked."""
        day, data = today(), self.cleaned_data
        if data["q"].strip():
            query = data["q"].strip()
            certificates = certificates.filter(
                Q(number__icontains=query) | Q(decision_number__icontains=query)
                | Q(product__title__icontains=query) | Q(producer__name__icontains=query)
                | Q(product__search_text__icontains=fold(query)))  # 'mat ong' finds 'Mật ong'
        if data["status"]:
            certificates = certificates.filter(status_q(data["status"], day))
        if data["province"]:
            certificates = certificates.filter(producer__province=data["province"])
        if data["stars"]:
            certificates = certificates.filter(stars=data["stars"])
        if data["expiring_within"]:
            certificates = certificates.filter(
                badge_q(day, prefix=""), valid_until__lte=day + timedelta(days=data["expiring_within"]))
            return certificates.order_by("valid_until", "pk")
        return certificates
