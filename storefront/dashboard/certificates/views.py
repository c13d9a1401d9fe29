from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import generic

from storefront.ocop.models import Certificate, CertificationRequest, today
from storefront.ocop.qr import qr_png, qr_svg

from .forms import CertificateForm, DocumentUploadForm, RevokeForm


def certificates_for(user):
    queryset = Certificate.objects.select_related("product", "producer", "rule_set")
    return queryset if user.is_staff else queryset.filter(producer__users=user).distinct()


class CertificateListView(generic.ListView):
    template_name = "oscar/dashboard/certificates/certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 50

    def get_queryset(self):
        queryset = certificates_for(self.request.user).order_by("-issued_on", "-pk")
        query = self.request.GET.get("q", "").strip()
        if query:
            queryset = queryset.filter(Q(number__icontains=query) | Q(product__title__icontains=query))
        return queryset

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        requests = CertificationRequest.objects.select_related("product", "producer", "certificate")
        if not self.request.user.is_staff:
            requests = requests.filter(producer__users=self.request.user).distinct()
        else:
            requests = requests.filter(certificate__isnull=True)
        ctx.update(requests=requests[:50], today=today(), query=self.request.GET.get("q", ""))
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
        url = request.build_absolute_uri(certificate.get_absolute_url())
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
