import secrets

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views import generic

from storefront.customer.registration import mail
from storefront.partner.access import approve, grant_producer_access, reject
from storefront.partner.models import ProducerApplication
from storefront.site_url import absolute_url, public_origin

from .forms import DecisionForm, InviteForm


class ApplicationListView(generic.ListView):
    template_name = "oscar/dashboard/producers/application_list.html"
    context_object_name = "applications"
    paginate_by = 50

    def get_queryset(self):
        queryset = ProducerApplication.objects.select_related("province", "applicant", "partner")
        status = self.request.GET.get("status", ProducerApplication.Status.PENDING)
        if status in ProducerApplication.Status.values:
            queryset = queryset.filter(status=status)
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=ProducerApplication.Status.choices,
            status=self.request.GET.get("status", ProducerApplication.Status.PENDING), **kwargs)


class ApplicationDecideView(generic.FormView):
    template_name = "oscar/dashboard/producers/application_detail.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        self.application = get_object_or_404(ProducerApplication, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(application=self.application, **kwargs)

    def form_valid(self, form):
        if self.application.status != ProducerApplication.Status.PENDING:
            messages.error(self.request, _("This application has been decided already."))
        elif "reject" in self.request.POST:
            reject(self.application, self.request.user)
            self.tell_applicant(approved=False)
            messages.info(self.request, _("Application rejected; the applicant has been told by e-mail."))
        else:
            partner = approve(self.application, self.request.user, form.cleaned_data["partner"])
            self.tell_applicant(approved=True, producer=partner)
            messages.success(self.request, _("Approved: %(user)s now manages %(producer)s in the dashboard.")
                             % {"user": self.application.applicant.email, "producer": partner.name})
        return redirect("dashboard:producer-application-list")

    def tell_applicant(self, **context):
        mail(self.application.applicant, "ocop/email/producer_decision", {
            "application": self.application, "dashboard_url": absolute_url(reverse("dashboard:index")),
            "apply_url": absolute_url(reverse("producers:apply")),
            "account_open": self.application.applicant.is_active,
            **context})


class InviteView(generic.FormView):
    """Staff invite a person to manage a producer: the account is created without a password and the
    person receives the usual set-your-password e-mail."""

    template_name = "oscar/dashboard/producers/invite.html"
    form_class = InviteForm
    success_url = reverse_lazy("dashboard:producer-application-list")

    def form_valid(self, form):
        User = get_user_model()
        email = User.objects.normalize_email(form.cleaned_data["email"]).lower()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            first, _sep, last = form.cleaned_data["full_name"].strip().rpartition(" ")
            user = User(username=email[:150], email=email, first_name=first or last, last_name=last if first else "")
            user.set_password(secrets.token_urlsafe(24))  # replaced by the person through the e-mail link
            user.save()
        grant_producer_access(user, form.cleaned_data["partner"])
        reset = PasswordResetForm({"email": email})
        if reset.is_valid():
            # The link goes to the public host (SITE_URL), not to whichever host staff reached the dashboard on.
            reset.save(request=self.request, domain_override=public_origin().netloc,
                       use_https=public_origin().scheme == "https",
                       subject_template_name="ocop/email/producer_invite_subject.txt",
                       email_template_name="ocop/email/producer_invite.txt",
                       extra_email_context={"producer": form.cleaned_data["partner"]})
        messages.success(self.request, _("%(email)s can now manage %(producer)s; an e-mail to set a password "
                                         "has been sent.") % {"email": email,
                                                              "producer": form.cleaned_data["partner"].name})
        return super().form_valid(form)
