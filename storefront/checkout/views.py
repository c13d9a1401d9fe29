"""Oscar's checkout with a Vietnamese address, a choice of card (Stripe Payment Element) or cash on delivery,
and card orders placed exactly once by the buyer's return or Stripe's webhook (see docs/payments.md)."""

import logging

from django import http
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout import views
from oscar.apps.checkout.views import *  # noqa: F401,F403  Oscar's other checkout views, unchanged
from oscar.apps.checkout.exceptions import FailedPreCondition
from oscar.apps.order.exceptions import UnableToPlaceOrder
from oscar.apps.payment.exceptions import RedirectRequired, UnableToTakePayment
from oscar.core.loading import get_class, get_model
from stripe import StripeError

from storefront import params
from storefront.ocop.collation import Vietnamese
from storefront.ocop.models import Commune
from storefront.payment import gateway
from storefront.payment import sources as payment_sources
from storefront.payment.placement import cancel_payment, frozen_lines, place_order_for_payment

from .forms import PaymentMethodForm, ShippingAddressForm
from .grouping import lines_by_producer
from .mixins import PENDING
from .payment_methods import CARD, COD, COD_SOURCE, available_methods
from .stock import refuse_impossible_prices

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
PaymentAttempt = get_model("payment", "PaymentAttempt")
Source = get_model("payment", "Source")
logger = logging.getLogger(__name__)

ATTEMPT_SESSION_KEY = "card_payment_attempt"


class IndexView(views.IndexView):
    """Oscar's gateway, with the request handed to its sign-in form so sign-in throttling sees the client."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ShippingAddressView(views.ShippingAddressView):
    form_class = ShippingAddressForm


def communes(request):
    """The communes and wards of one province, for the address form's second list."""
    try:
        province = params.whole_number(params.single(request.GET, "province"), "province",
                                       minimum=1, maximum=params.MAX_ID)
    except params.BadParameter as error:
        return http.JsonResponse({"error": str(error)}, status=400)
    rows = Commune.objects.filter(province_id=province).order_by(Vietnamese("name")).values_list("pk", "name")
    return http.JsonResponse({"communes": [{"id": pk, "name": name} for pk, name in rows]})


class PaymentMethodView(views.PaymentMethodView):
    template_name = "oscar/checkout/payment_method.html"

    def get(self, request, *args, **kwargs):
        if len(available_methods()) == 1:  # cash on delivery only: nothing to choose
            self.checkout_session.pay_by(COD)
            return redirect("checkout:preview")
        return self.render_to_response(self.get_context_data(form=PaymentMethodForm(
            initial={"method": self.checkout_session.payment_method() or CARD})))

    def post(self, request, *args, **kwargs):
        form = PaymentMethodForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        self.checkout_session.pay_by(form.cleaned_data["method"])
        return redirect("checkout:preview")


class PaymentDetailsView(views.PaymentDetailsView):
    """Preview and submit. Cash on delivery places the order at once; a card payment saves a PaymentAttempt
    (everything needed to place the order), creates the PaymentIntent and sends the buyer to pay."""

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def check_payment_data_is_captured(self, request):
        if self.checkout_session.payment_method() not in available_methods():
            raise FailedPreCondition(url=reverse("checkout:payment-method"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["payment_method"] = self.checkout_session.payment_method()
        return ctx

    def submit(self, **submission):
        self.submission = submission
        return super().submit(**submission)

    def handle_payment(self, order_number, total, **kwargs):
        try:
            refuse_impossible_prices(self.submission["basket"])
        except UnableToPlaceOrder as error:
            raise UnableToTakePayment(str(error)) from error
        method = self.checkout_session.payment_method()
        if method == COD:
            source_type = payment_sources.source_type(COD_SOURCE)
            self.add_payment_source(Source(source_type=source_type, currency=total.currency,
                                           amount_allocated=total.incl_tax, reference=order_number))
            self.initial_status = PENDING
            return
        if method != CARD or not gateway.card_payments_enabled():
            raise UnableToTakePayment(_("Card payment is not available: please choose cash on delivery."))
        attempt = self.save_attempt(order_number, total)
        try:
            intent = gateway.create_payment_intent(attempt)
        except StripeError as error:
            logger.error("Order %s: Stripe refused the PaymentIntent (%s)", order_number, error.__class__.__name__)
            raise UnableToTakePayment(_("Card payment is unavailable at the moment: please try again or "
                                        "choose cash on delivery.")) from error
        attempt.payment_intent_id = intent.id
        attempt.save(update_fields=["payment_intent_id", "updated"])
        self.request.session[ATTEMPT_SESSION_KEY] = attempt.pk
        raise RedirectRequired(reverse("checkout:card-payment"))

    def save_attempt(self, order_number, total):
        submission = self.submission
        address = submission["shipping_address"]
        address_fields = {}
        if address is not None:
            for field in address._meta.concrete_fields:
                if field.name not in ("id", "search_text"):
                    value = getattr(address, field.attname)
                    address_fields[field.attname] = str(value) if field.name == "phone_number" and value else value
        user = submission["user"]
        return PaymentAttempt.objects.create(
            order_number=order_number, basket=submission["basket"], basket_lines=frozen_lines(submission["basket"]),
            user=user if user.is_authenticated else None,
            guest_email=submission["order_kwargs"].get("guest_email", ""),
            shipping_address=address_fields, shipping_method_code=submission["shipping_method"].code,
            shipping_charge=submission["shipping_charge"].incl_tax, order_total=total.incl_tax,
            currency=total.currency)


class CardPaymentMixin(CheckoutSessionMixin):
    def get_attempt(self):
        pk = self.request.session.get(ATTEMPT_SESSION_KEY)
        return PaymentAttempt.objects.filter(pk=pk).select_related("order").first() if pk else None

    def finish(self, order):
        self.checkout_session.flush()
        self.request.session.pop(ATTEMPT_SESSION_KEY, None)
        self.request.session["checkout_order_id"] = order.id
        return redirect("checkout:thank-you")

    def place_or_explain(self, intent, placed_message=None):
        """Stripe says paid: the order (placed now or earlier), or the buyer is told why there is none."""
        order = place_order_for_payment(intent, self.request)
        if order:
            if placed_message:
                messages.info(self.request, placed_message)
            return self.finish(order)
        attempt = self.get_attempt()
        if attempt.status in PaymentAttempt.FLAGGED:
            messages.error(self.request, _("Your payment was received but the order could not be placed as paid "
                                           "(for example, an item sold out meanwhile). We have refunded the "
                                           "payment in full."))
        else:
            messages.error(self.request, _("Your payment needs checking by our staff; we will contact you."))
        self.request.session.pop(ATTEMPT_SESSION_KEY, None)
        return redirect("basket:summary")


class CardPaymentView(CardPaymentMixin, generic.TemplateView):
    """Stripe's Payment Element for the attempt's PaymentIntent."""

    template_name = "oscar/checkout/card_payment.html"

    def get(self, request, *args, **kwargs):
        attempt = self.get_attempt()
        if attempt is None or not attempt.payment_intent_id:
            return redirect("basket:summary")
        if attempt.order_id:
            return self.finish(attempt.order)
        if attempt.status != PaymentAttempt.PENDING:
            request.session.pop(ATTEMPT_SESSION_KEY, None)
            return redirect("basket:summary")
        intent = gateway.retrieve_payment_intent(attempt.payment_intent_id)
        return self.render_to_response(self.get_context_data(
            attempt=attempt, client_secret=intent.client_secret, error=request.GET.get("failed"),
            publishable_key=gateway_publishable_key(),
            return_url=request.build_absolute_uri(reverse("checkout:card-return"))))

    def post(self, request, *args, **kwargs):
        """Cancel, as Stripe allows: a payment that went through is an order, one being processed is awaited;
        otherwise the PaymentIntent is cancelled at Stripe and only then is the basket given back."""
        attempt = self.get_attempt()
        if attempt is None or not attempt.payment_intent_id:
            return redirect("basket:summary")
        if attempt.order_id:
            return self.finish(attempt.order)
        intent = cancel_payment(attempt)
        status = intent.status if intent is not None else None
        if status == "succeeded":
            return self.place_or_explain(intent, _("Your payment had already gone through, so it can no longer "
                                                   "be cancelled: here is your order."))
        if status == "processing":
            messages.warning(request, _("Your payment is already being processed and can no longer be cancelled "
                                        "here. We will e-mail you as soon as it is confirmed."))
            return redirect(reverse("checkout:card-payment") + "?failed=processing")
        if status == "canceled":
            request.session.pop(ATTEMPT_SESSION_KEY, None)
            messages.info(request, _("The card payment was cancelled. Your basket is as you left it."))
            return redirect("basket:summary")
        messages.error(request, _("We could not cancel the payment just now: please try again in a moment."))
        return redirect("checkout:card-payment")


def gateway_publishable_key():
    from django.conf import settings

    return settings.STRIPE_PUBLISHABLE_KEY


class CardReturnView(CardPaymentMixin, generic.View):
    """Where Stripe sends the buyer back. The order may already exist (the webhook came first)."""

    def get(self, request, *args, **kwargs):
        attempt = self.get_attempt()
        if attempt is None or request.GET.get("payment_intent") != attempt.payment_intent_id:
            messages.error(request, _("We could not find this payment in your session."))
            return redirect("basket:summary")
        if attempt.order_id:
            return self.finish(attempt.order)
        intent = gateway.retrieve_payment_intent(attempt.payment_intent_id)
        if intent.status == "succeeded":
            return self.place_or_explain(intent)
        if intent.status == "processing":
            return redirect(reverse("checkout:card-payment") + "?failed=processing")
        return redirect(reverse("checkout:card-payment") + "?failed=declined")


class ThankYouView(views.ThankYouView):
    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx["producer_groups"] = lines_by_producer(ctx["order"])
        return ctx
