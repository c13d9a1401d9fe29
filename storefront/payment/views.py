"""Staff refunds through Stripe, all or part of an order."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import FormView, ListView
from oscar.core.loading import get_model
from stripe import StripeError

from storefront.ocop.text import grouped

from . import gateway
from .forms import RefundForm
from .placement import CARD_SOURCE
from .refunds import record_refunded_total

Order = get_model("order", "Order")
PaymentAttempt = get_model("payment", "PaymentAttempt")
Source = get_model("payment", "Source")


@method_decorator(staff_member_required, name="dispatch")
class RefundView(FormView):
    template_name = "oscar/payment/refund.html"
    form_class = RefundForm

    def dispatch(self, request, *args, **kwargs):
        self.order = get_object_or_404(Order, number=kwargs["order_number"])
        self.source = self.order.sources.filter(source_type__name=CARD_SOURCE).first()
        return super().dispatch(request, *args, **kwargs)

    def refundable(self):
        return self.source.amount_debited - self.source.amount_refunded if self.source else 0

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "refundable": self.refundable()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(order=self.order, source=self.source, **kwargs)

    def form_valid(self, form):
        amount = form.cleaned_data["amount"]
        if not self.source or self.refundable() <= 0:
            form.add_error(None, _("This order has no card payment left to refund."))
            return self.form_invalid(form)
        # The same amount asked twice in a row (a double click) is one refund at Stripe.
        key = f"refund-{self.order.number}-{self.source.amount_refunded}-{amount}"
        try:
            refund = gateway.refund(self.source.reference, amount, idempotency_key=key)
            charge = gateway.retrieve_charge(refund.charge)
        except StripeError as error:
            form.add_error(None, _("Stripe refused the refund: %(message)s") % {"message": error.user_message
                                                                                  or error.__class__.__name__})
            return self.form_invalid(form)
        record_refunded_total(self.source.reference, charge.amount_refunded, reference=refund.id)
        messages.success(self.request, _("%(amount)s ₫ refunded for order %(number)s.") % {
            "amount": grouped(amount), "number": self.order.number})
        return redirect("payment:refund", order_number=self.order.number)


@method_decorator(staff_member_required, name="dispatch")
class FlaggedPaymentListView(ListView):
    """In the dashboard: card payments taken without an order and refunded in full (amount or currency
    mismatch, paid after cancelling, basket changed, sold out), newest first, for staff to follow up."""

    template_name = "oscar/payment/flagged_payments.html"
    context_object_name = "attempts"
    paginate_by = 50

    def get_queryset(self):
        return PaymentAttempt.objects.filter(status__in=PaymentAttempt.FLAGGED).select_related("user")
