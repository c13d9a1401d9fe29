from datetime import timedelta

from django import forms
from django.contrib import messages
from django.db.models import Avg, Count, F, Q
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import generic

from storefront.inquiries import actions
from storefront.inquiries.forms import ProducerMessageForm, QuoteForm
from storefront.inquiries.models import Inquiry

#: An inquiry unanswered for longer than this is overdue: staff see it flagged and may send a reminder.
OVERDUE_AFTER = timedelta(days=2)


class InquiryFilterForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False,
                               choices=[("", gettext_lazy("All")), *Inquiry.Status.choices,
                                        ("overdue", gettext_lazy("Unanswered for over two days"))])


class InquiryListView(generic.ListView):
    """A producer's inbox, or (for staff) every producer's, newest first. An unreadable filter is a 400."""

    template_name = "oscar/dashboard/inquiries/inquiry_list.html"
    context_object_name = "inquiries"
    paginate_by = 50
    model = Inquiry

    def get(self, request, *args, **kwargs):
        self.filter_form = InquiryFilterForm(request.GET or None)
        response = super().get(request, *args, **kwargs)
        if self.filter_form.is_bound and not self.filter_form.is_valid():
            response.status_code = 400
        return response

    def visible(self):
        return Inquiry.objects.visible_to(self.request.user)

    def get_queryset(self):
        queryset = self.visible().select_related("product", "producer", "destination_province")
        if not self.filter_form.is_bound:
            return queryset
        if not self.filter_form.is_valid():
            return queryset.none()
        status = self.filter_form.cleaned_data["status"]
        if status == "overdue":
            return queryset.filter(first_answered_at__isnull=True, status=Inquiry.Status.OPEN,
                                   created_at__lt=timezone.now() - OVERDUE_AFTER)
        return queryset.filter(status=status) if status else queryset

    def get_context_data(self, **kwargs):
        summary = self.visible().aggregate(
            total=Count("pk"), waiting=Count("pk", filter=Q(first_answered_at__isnull=True,
                                                               status=Inquiry.Status.OPEN)),
            overdue=Count("pk", filter=Q(first_answered_at__isnull=True, status=Inquiry.Status.OPEN,
                                         created_at__lt=timezone.now() - OVERDUE_AFTER)),
            average_response=Avg(F("first_answered_at") - F("created_at")))
        return super().get_context_data(filter_form=self.filter_form, summary=summary, now=timezone.now(),
                                         overdue_after=OVERDUE_AFTER, **kwargs)


class InquiryDetailView(generic.DetailView):
    """The thread, and for the producer's users a quote form and a message form."""

    template_name = "oscar/dashboard/inquiries/inquiry_detail.html"
    context_object_name = "inquiry"
    model = Inquiry

    def get_queryset(self):
        return Inquiry.objects.visible_to(self.request.user).select_related(
            "product", "producer", "destination_province")

    def can_answer(self):
        return self.object.producer.users.filter(pk=self.request.user.pk).exists()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.setdefault("quote_form", QuoteForm(inquiry=self.object))
        ctx.setdefault("message_form", ProducerMessageForm())
        ctx.update(thread=self.object.thread(), can_answer=self.can_answer(),
                   overdue=(self.object.waiting_for() or timedelta()) > OVERDUE_AFTER)
        return ctx

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.can_answer():
            messages.error(request, _("Only the producer's own users can answer this inquiry."))
            return redirect("dashboard:inquiry-detail", pk=self.object.pk)
        action = request.POST.get("action")
        if action == "close":
            actions.close(self.object)
            messages.info(request, _("The inquiry is closed. It opens again if the business replies."))
            return redirect("dashboard:inquiry-detail", pk=self.object.pk)
        if action == "quote":
            form, step, done = QuoteForm(request.POST, inquiry=self.object), actions.quote, _("Quote sent.")
            context_name = "quote_form"
        else:
            form, step, done = ProducerMessageForm(request.POST), actions.producer_message, _("Message sent.")
            context_name = "message_form"
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(**{context_name: form}), status=400)
        step(self.object, form, request.user)
        messages.success(request, done + " " + _("The business has been told by e-mail."))
        return redirect("dashboard:inquiry-detail", pk=self.object.pk)


class InquiryNudgeView(generic.View):
    """Staff only (the app's default permission): e-mails the producer a reminder."""

    model = Inquiry
    http_method_names = ["post"]

    def post(self, request, pk):
        inquiry = get_object_or_404(Inquiry, pk=pk)
        if actions.nudge(inquiry):
            messages.success(request, _("Reminder sent to %(producer)s.") % {"producer": inquiry.producer.name})
        else:
            messages.info(request, _("The producer has answered already; no reminder sent."))
        if request.POST.get("next") == "list":
            return redirect("dashboard:inquiry-list")
        return redirect("dashboard:inquiry-detail", pk=pk)
