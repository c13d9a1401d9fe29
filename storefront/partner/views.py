from django.contrib.auth import login
from django.urls import reverse_lazy
from django.views import generic

from .forms import ProducerApplicationForm


class ApplyView(generic.CreateView):
    """A producer applies; staff approve it in the dashboard (Producers), which opens the dashboard to it."""

    form_class = ProducerApplicationForm
    template_name = "ocop/producer_apply.html"
    success_url = reverse_lazy("producers:applied")

    def form_valid(self, form):
        response = super().form_valid(form)
        login(self.request, self.object.applicant, backend="django.contrib.auth.backends.ModelBackend")
        return response


class AppliedView(generic.TemplateView):
    template_name = "ocop/producer_applied.html"
