from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, CertificationRequest, today
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
