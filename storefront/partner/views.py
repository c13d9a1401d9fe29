from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.views import generic

from storefront.customer.registration import open_account

from .forms import ProducerApplicationForm


class ApplyView(generic.CreateView):
    """A producer applies; staff approve it in the dashboard (Producers), which opens the dashboard to it.

    A signed-in user applies with their account. Anyone else opens one with the application, and the answer
    is "check your e-mail" whether or not the address has an account (storefront/customer/registration.py):
    a new address confirms itself through the link, the owner of a known one is told to sign in and apply."""

    form_class = ProducerApplicationForm
    template_name = "ocop/producer_apply.html"
    success_url = reverse_lazy("producers:applied")

    def get_form_kwargs(self):
        user = self.request.user
        return {**super().get_form_kwargs(), "applicant": user if user.is_authenticated else None}

    def form_valid(self, form):
        if form.instance.applicant_id is None:
            applicant = open_account(
                self.request, email=form.cleaned_data["account_email"], password=form.cleaned_data["password1"],
                new_user=form.new_applicant, next_url=str(self.success_url), purpose="apply")
            if applicant is None:  # the address has an account: its owner was told; answer as for a new one
                return redirect(self.success_url)
            form.instance.applicant = applicant
        self.object = form.save()
        return redirect(self.success_url)


class AppliedView(generic.TemplateView):
    template_name = "ocop/producer_applied.html"
