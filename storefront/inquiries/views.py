"""A business asks for a quote on a product page and reads the answers at a private link. Spam-safe: throttled
per client and per e-mail address (counted in the shared cache), with a honeypot field bots fill in."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from cms.models.base import public_products
from storefront.clients import client_ip
from storefront.ocop.ratelimit import count_hit, retry_after

from . import actions
from .forms import BusinessReplyForm, InquiryForm
from .models import Inquiry


def throttled(scope, identity, limit_setting, window_setting):
    return count_hit(scope, identity, getattr(settings, window_setting)) > getattr(settings, limit_setting)


class NewInquiryView(View):
    template_name = "inquiries/new.html"

    def dispatch(self, request, *args, **kwargs):
        self.product = get_object_or_404(
            public_products().filter(producer__isnull=False).select_related("producer", "origin_province"),
            pk=kwargs["product_pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, form, status=200):
        return render(self.request, self.template_name, {"form": form, "product": self.product}, status=status)

    def get(self, request, product_pk):
        return self.render_form(InquiryForm(initial={"destination_country": "VN"}))

    def post(self, request, product_pk):
        form = InquiryForm(request.POST)
        window = "OCOP_INQUIRY_RATE_LIMIT_WINDOW"
        if throttled("inquiry-client", client_ip(request) or "unknown", "OCOP_INQUIRY_RATE_LIMIT_PER_CLIENT", window):
            form.add_error(None, _("Too many inquiries from your connection. Please try again in %(minutes)s "
                                   "minutes; what you typed is kept below.")
                           % {"minutes": retry_after(getattr(settings, window)) // 60 + 1})
            return self.render_form(form, status=429)
        if not form.is_valid():
            return self.render_form(form, status=400)
        if form.is_bot:  # looks sent to a bot, keeps nothing
            return redirect("inquiries:sent")
        if throttled("inquiry-email", form.cleaned_data["email"].lower(), "OCOP_INQUIRY_RATE_LIMIT_PER_EMAIL", window):
            form.add_error("email", _("This address has sent many inquiries recently. Please try again later."))
            return self.render_form(form, status=429)
        actions.receive(form, self.product, translation.get_language() or settings.LANGUAGE_CODE)
        return redirect("inquiries:sent")


def sent(request):
    return render(request, "inquiries/sent.html")


class ThreadView(View):
    """The business's side: the thread and a reply box. Whoever holds the token reads it, as with a link in a
    letter: the page is never indexed or cached by proxies."""

    template_name = "inquiries/thread.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.inquiry = Inquiry.objects.select_related("product", "producer", "destination_province").get(
                token=kwargs["token"])
        except Inquiry.DoesNotExist:
            raise Http404 from None
        response = super().dispatch(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        # the token must not leak to other sites through links on the page; "no-referrer" would also blank the
        # Origin of the reply form, which Django's CSRF check then refuses
        response["Referrer-Policy"] = "same-origin"
        return response

    def render_thread(self, form, status=200):
        return render(self.request, self.template_name,
                      {"inquiry": self.inquiry, "thread": self.inquiry.thread(), "form": form}, status=status)

    def get(self, request, token):
        return self.render_thread(BusinessReplyForm())

    def post(self, request, token):
        form = BusinessReplyForm(request.POST)
        if throttled("inquiry-reply", self.inquiry.pk, "OCOP_INQUIRY_RATE_LIMIT_PER_EMAIL",
                     "OCOP_INQUIRY_RATE_LIMIT_WINDOW"):
            form.add_error(None, _("Too many messages on this inquiry recently. Please try again later."))
            return self.render_thread(form, status=429)
        if not form.is_valid():
            return self.render_thread(form, status=400)
        actions.business_reply(self.inquiry, form)
        messages.success(request, _("Your reply has been sent to the producer."))
        return redirect(self.inquiry.get_absolute_url())
