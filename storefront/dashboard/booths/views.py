from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic

from cms.models import FairPage
from storefront.ocop.booth_rules import ACTIVE, TRANSITIONS, State
from storefront.ocop.models import today
from storefront.params import MAX_ID, BadParameter, bad_request, single, whole_number
from storefront.tradedesk import booths
from storefront.tradedesk.forms import AcceptForm, BoothApplicationForm, DeclineForm
from storefront.tradedesk.models import BoothApplication


def open_fairs():
    """Live fairs taking applications today, soonest first."""
    fairs = (FairPage.objects.live().filter(booth_capacity__gt=0, registration_deadline__gte=today())
             .select_related("province").order_by("starts_on"))
    return [fair for fair in fairs if fair.takes_applications]


class BoothApplicationListView(generic.TemplateView):
    """Staff: the fairs with booth registration and how full they are. A producer: the fairs it can apply to and
    its own applications with their state."""

    def get_template_names(self):
        if self.request.user.is_staff:
            return ["oscar/dashboard/booths/fair_list.html"]
        return ["oscar/dashboard/booths/producer_list.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        if user.is_staff:
            fairs = (FairPage.objects.filter(booth_capacity__gt=0).select_related("province")
                     .order_by("-starts_on"))
            context["fairs"] = [(fair, booths.counts(fair)) for fair in fairs]
            return context
        applications = list(booths.applications_for(user).order_by("-created_at"))
        applied = {(application.fair_id, application.producer_id) for application in applications
                   if application.state in ACTIVE}
        producers = list(user.partners.all())
        context.update(applications=applications, producers=producers, offers=[
            (fair, [producer for producer in producers if (fair.pk, producer.pk) not in applied])
            for fair in open_fairs()])
        return context


class ApplyView(generic.FormView):
    """A producer applies for a booth at `?fair=<id>` (as `&producer=<id>` when the user runs several)."""

    template_name = "oscar/dashboard/booths/apply.html"
    form_class = BoothApplicationForm

    def dispatch(self, request, *args, **kwargs):
        try:
            fair_id = whole_number(single(request.GET, "fair"), "fair", minimum=1, maximum=MAX_ID)
            producer_id = single(request.GET, "producer")
            producer_id = whole_number(producer_id, "producer", minimum=1, maximum=MAX_ID) if producer_id else None
        except BadParameter as error:
            return bad_request(error)
        self.fair = get_object_or_404(FairPage.objects.live(), pk=fair_id)
        producers = request.user.partners.order_by("pk")
        self.producer = producers.filter(pk=producer_id).first() if producer_id else producers.first()
        if self.producer is None:
            if producer_id:
                raise Http404
            raise PermissionDenied(_("Only a producer's users can apply for a booth."))
        try:
            booths.check_can_apply(self.fair, self.producer)
            self.refusal = None
        except booths.Refused as refusal:
            self.refusal = str(refusal)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(fair=self.fair, producer=self.producer)
        return kwargs

    def get_initial(self):
        user = self.request.user
        return {"contact_name": user.get_full_name(), "contact_phone": self.producer.phone}

    def get_context_data(self, **kwargs):
        return super().get_context_data(fair=self.fair, producer=self.producer, refusal=self.refusal,
                                        full=getattr(self, "full", None), **kwargs)

    def post(self, request, *args, **kwargs):
        if self.refusal:
            return self.render_to_response(self.get_context_data(form=self.get_form()), status=400)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        details = {name: form.cleaned_data[name] for name in (
            "needs_power", "needs_cold_storage", "contact_name", "contact_phone", "note")}
        try:
            application = booths.apply(self.fair, self.producer, self.request.user,
                                       products=form.cleaned_data["products"], size=form.cleaned_data["size"],
                                       join_waitlist=bool(form.cleaned_data.get("join_waitlist")), **details)
        except booths.FairFull as full:
            self.full = str(full)
            return self.render_to_response(self.get_context_data(form=form), status=409)
        except booths.Refused as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        if application.state == State.WAITLISTED:
            messages.info(self.request, _("You are on the waiting list for %(fair)s.") % {"fair": self.fair.title})
        else:
            messages.success(self.request, _("Application sent: the organisers review it and write to you."))
        return redirect("dashboard:booth-application", pk=application.pk)


class ApplicationView(generic.DetailView):
    """One application. Staff accept it (zone, booth number), put it on the waiting list or decline it; its
    producer sees each decision and may withdraw."""

    template_name = "oscar/dashboard/booths/application.html"
    context_object_name = "application"
    model = BoothApplication
    ACTIONS = {"accept": State.ACCEPTED, "waitlist": State.WAITLISTED, "decline": State.DECLINED,
               "withdraw": State.WITHDRAWN}

    def get_queryset(self):
        return booths.applications_for(self.request.user).prefetch_related("products__current_certificate")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.object
        if self.request.user.is_staff:
            context.setdefault("accept_form", AcceptForm(fair=application.fair,
                                                         initial={"zone": application.zone,
                                                                  "booth_code": application.booth_code}))
            context.setdefault("decline_form", DeclineForm())
        context["moves"] = {action for action, state in self.ACTIONS.items()
                            if state in TRANSITIONS[State(application.state)]}
        return context

    def post(self, request, *args, **kwargs):
        self.object = application = self.get_object()
        action = next((name for name in self.ACTIONS if name in request.POST), None)
        if action is None:
            return HttpResponse(_("Say what to do: accept, waitlist, decline or withdraw."), status=400,
                                content_type="text/plain; charset=utf-8")
        if (action == "withdraw") == request.user.is_staff:
            raise PermissionDenied  # staff decide; the producer only withdraws
        forms = {}
        arguments = {}
        if action == "accept":
            forms["accept_form"] = form = AcceptForm(request.POST, fair=application.fair)
            if form.is_valid():
                arguments = {"zone": form.cleaned_data["zone"], "booth_code": form.cleaned_data["booth_code"]}
        elif action == "decline":
            forms["decline_form"] = form = DeclineForm(request.POST)
            if form.is_valid():
                arguments = {"reason": form.cleaned_data["reason"]}
        if any(not form.is_valid() for form in forms.values()):
            return self.render_to_response(self.get_context_data(**forms), status=400)
        try:
            booths.decide(application, self.ACTIONS[action], **arguments)
        except booths.Refused as refusal:
            messages.error(request, str(refusal))
            return self.render_to_response(self.get_context_data(**forms), status=400)
        messages.success(request, _("Done: the producer has been told by e-mail."))
        if request.user.is_staff:
            return redirect("dashboard:booth-fair", pk=application.fair_id)
        return redirect("dashboard:booth-application", pk=application.pk)


class FairApplicationsView(generic.DetailView):
    """Staff: one fair's applications, filtered by state, with places, zones and provinces at a glance."""

    template_name = "oscar/dashboard/booths/fair_applications.html"
    context_object_name = "fair"
    model = FairPage

    def get(self, request, *args, **kwargs):
        self.state = single(request.GET, "state")
        if self.state and self.state not in BoothApplication.Status.values:
            raise BadParameter(_("state must be one of: %(states)s.")
                               % {"states": ", ".join(BoothApplication.Status.values)})
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        applications = (self.object.booth_applications.select_related("producer__province", "zone", "size")
                        .prefetch_related("products").order_by("state", "booth_code", "created_at"))
        if self.state:
            applications = applications.filter(state=self.state)
        context.update(applications=applications, counts=booths.counts(self.object), state=self.state,
                       states=BoothApplication.Status.choices,
                       exhibitors_url=reverse("dashboard:booth-exhibitors", kwargs={"pk": self.object.pk}))
        return context


class ExhibitorListView(generic.View):
    """Staff: the fair's exhibitor list as a printable PDF."""

    model = FairPage

    def get(self, request, pk):
        from storefront.tradedesk.exhibitors import exhibitor_list_pdf  # imported here: reportlab costs ~7 MB a worker

        fair = get_object_or_404(FairPage, pk=pk)
        response = HttpResponse(exhibitor_list_pdf(fair), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{fair.slug}-exhibitors.pdf"'
        return response
