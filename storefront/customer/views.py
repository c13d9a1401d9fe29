"""The buyer's account pages: Oscar's, except the order line, and registration that confirms the e-mail first."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.shortcuts import get_object_or_404, redirect
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.customer import views
from oscar.apps.customer.views import *  # noqa: F401,F403  Oscar's other account views, unchanged
from oscar.core.loading import get_model

from .registration import confirmation_token, is_pending, safe_next

Order = get_model("order", "Order")


class OrderLineView(views.OrderLineView):
    """Only "buy this again": the order page's per-line button posts here. Oscar also renders a page of the one
    line, but it ships no template for it and the order page already shows everything about the line, so a GET
    goes to the order page; a line that is not the buyer's is a 404 rather than Oscar's 500."""

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])

    def get(self, request, *args, **kwargs):
        self.get_object()  # someone else's order or line: a 404, not a redirect that confirms it exists
        return redirect("customer:order", order_number=self.kwargs["order_number"])


# --- registration: "check your e-mail" whatever the address (storefront/customer/registration.py) -------------

class AccountRegistrationView(views.AccountRegistrationView):
    def form_valid(self, form):
        self.register_user(form)
        return redirect("customer:register-sent")


class AccountAuthView(views.AccountAuthView):
    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid():
            self.register_user(form)
            return redirect("customer:register-sent")
        return self.render_to_response(self.get_context_data(registration_form=form))


class RegistrationSentView(generic.TemplateView):
    template_name = "oscar/customer/registration_sent.html"


class AccountConfirmView(generic.TemplateView):
    """The link in the confirmation e-mail. GET shows a button and POST opens the account and signs its owner
    in, so a mail scanner that follows links cannot use the link up. A used or expired link is a 400."""

    template_name = "oscar/customer/account_confirm.html"

    def pending_user(self):
        User = get_user_model()
        try:
            user = User.objects.get(pk=force_str(urlsafe_base64_decode(self.kwargs["uidb64"])))
        except (ValueError, OverflowError, User.DoesNotExist):
            return None
        if is_pending(user) and confirmation_token.check_token(user, self.kwargs["token"]):
            return user
        return None

    def get(self, request, *args, **kwargs):
        user = self.pending_user()
        return self.render_to_response(self.get_context_data(confirmable=user is not None),
                                       status=200 if user else 400)

    def post(self, request, *args, **kwargs):
        user = self.pending_user()
        if user is None:
            return self.render_to_response(self.get_context_data(confirmable=False), status=400)
        user.is_active = True
        user.save(update_fields=["is_active"])
        auth_login(request, user, backend="oscar.apps.customer.auth_backends.EmailBackend")
        messages.success(request, _("Your e-mail address is confirmed: welcome to OCOP Market."))
        return redirect(safe_next(request, request.GET.get("next", "")) or settings.LOGIN_REDIRECT_URL)
