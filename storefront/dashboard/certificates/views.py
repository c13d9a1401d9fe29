from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import generic

from storefront.ocop.documents import document_response
from storefront.ocop.models import Certificate, CertificationRequest, today
from storefront.ocop.qr import qr_png, qr_svg
from storefront.site_url import absolute_url

from .forms import CertificateFilterForm, CertificateForm, DocumentUploadForm, RevokeForm


def certificates_for(user):
    queryset = Certificate.objects.select_related("product", "producer", "rule_set")
    return queryset if user.is_staff else queryset.filter(producer__users=user).distinct()


def requests_for(user):
    queryset = CertificationRequest.objects.select_related("product", "producer", "certificate")
    return queryset if user.is_staff else queryset.filter(producer__users=user).distinct()


class CertificateListView(generic.ListView):
    """Filtered by CertificateFilterForm (status, province, stars, expiry, text); a filter it cannot read is a
    400 that shows the form with its errors."""

    template_name = "oscar/dashboard/certificates/certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.filter_form = CertificateFilterForm(request.GET or None)
        response = super().get(request, *args, **kwargs)
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            response.status_code = 400
        return response

    def get_queryset(self):
        queryset = certificates_for(self.request.user).order_by("-issued_on", "-pk")
        if not self.filter_form.is_bound:
            return queryset
        if not self.filter_form.is_valid():
            return queryset.none()
        return self.filter_form.filter(queryset)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        requests = requests_for(self.request.user)
        if self.request.user.is_staff:
            requests = requests.filter(certificate__isnull=True)
        filtering = self.filter_form.is_bound and any(
            self.filter_form.data.get(name) for name in self.filter_form.fields)
        ctx.update(requests=requests[:50], today=today(), filter_form=self.filter_form, filtering=filtering)
        return ctx


class CertificateCreateView(generic.CreateView):
    model = Certificate
    form_class = CertificateForm
    template_name = "oscar/dashboard/certificates/certificate_form.html"

    def get_source_request(self):
        pk = self.request.GET.get("request") or self.request.POST.get("source_request")
        if pk and str(pk).isdigit():
            return CertificationRequest.objects.filter(pk=pk, certificate__isnull=True).first()
        return None

    def get_initial(self):
        initial = super().get_initial()
        source = self.get_source_request()
        if source is not None:
            initial["product"] = source.product
            initial["supersedes"] = source.product.current_certificate
        return initial

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["source_request"] = self.get_source_request()
        return ctx

    def form_valid(self, form):
        source = self.get_source_request()
        if source is not None and not form.cleaned_data.get("document"):
            form.instance.document = source.document  # the producer's scan becomes the certificate's
        response = super().form_valid(form)
        if source is not None and source.product_id == self.object.product_id:
            source.certificate = self.object
            source.save(update_fields=["certificate"])
        messages.success(self.request, _("Certificate %(number)s saved: %(stars)s stars.")
                         % {"number": self.object.number, "stars": self.object.stars})
        return response

    def get_success_url(self):
        return reverse("dashboard:certificate-list")


class CertificateUpdateView(generic.UpdateView):
    model = Certificate
    form_class = CertificateForm
    template_name = "oscar/dashboard/certificates/certificate_form.html"
    success_url = reverse_lazy("dashboard:certificate-list")

    def form_valid(self, form):
        messages.success(self.request, _("Certificate %(number)s saved: %(stars)s stars.")
                         % {"number": form.instance.number, "stars": form.instance.stars})
        return super().form_valid(form)


class CertificateRevokeView(generic.UpdateView):
    """Revocation takes effect from its date (today by default): the badge goes at once."""

    model = Certificate
    form_class = RevokeForm
    template_name = "oscar/dashboard/certificates/certificate_revoke.html"
    success_url = reverse_lazy("dashboard:certificate-list")

    def form_valid(self, form):
        messages.success(self.request, _("Certificate %(number)s revoked.") % {"number": form.instance.number})
        return super().form_valid(form)


class CertificateQrView(generic.View):
    """The pack's QR code (PNG or SVG), pointing at the absolute verify URL; for the producer and staff."""

    def get(self, request, pk, fmt):
        certificate = get_object_or_404(certificates_for(request.user), pk=pk)
        url = absolute_url(certificate.get_absolute_url())  # printed on packs: the public host, always
        filename = f"ocop-{certificate.number.replace('/', '-')}"
        if fmt == "png":
            response = HttpResponse(qr_png(url), content_type="image/png")
        elif fmt == "svg":
            response = HttpResponse(qr_svg(url), content_type="image/svg+xml")
        else:
            raise Http404
        if request.GET.get("download"):
            response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
        return response


class DocumentUploadView(generic.CreateView):
    model = CertificationRequest
    form_class = DocumentUploadForm
    template_name = "oscar/dashboard/certificates/document_upload.html"
    success_url = reverse_lazy("dashboard:certificate-list")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        form.instance.producer = form.cleaned_data["product"].producer
        form.instance.submitted_by = self.request.user
        messages.success(self.request, _("Document received. Staff will check it and enter the certificate."))
        return super().form_valid(form)


class CertificateDocumentView(generic.View):
    """A certificate's scan, for staff and the certificate's producer. Anyone else gets the same 404 as for a
    certificate that does not exist."""

    model = Certificate

    def get(self, request, pk):
        certificate = get_object_or_404(certificates_for(request.user), pk=pk)
        if not certificate.document:
            raise Http404
        return document_response(certificate.document, f"ocop-{certificate.number.replace('/', '-')}-scan")


class RequestDocumentView(generic.View):
    """A document a producer sent, for staff and that producer's users; anyone else gets a 404."""

    model = CertificationRequest

    def get(self, request, pk):
        sent = get_object_or_404(requests_for(request.user), pk=pk)
        return document_response(sent.document, f"ocop-document-{sent.pk}-{sent.product.slug}"[:120])
