"""Opening an account without telling anyone whether an e-mail address has one already.

Every form that opens an account (Oscar's registration, on /accounts/register/ and /accounts/login/, and the
producer application) answers the same way whatever the address: "check your e-mail". A new address gets a
link that confirms it and opens the account (kept inactive until then); an address that has an account gets
a note that someone tried, with links to sign in and to reset the password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import url_has_allowed_host_and_scheme, urlencode, urlsafe_base64_encode

from storefront.site_url import absolute_url


class AccountConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token under its own salt (a reset link cannot confirm an account, nor the
    reverse). It hashes the password and the last sign-in, so a link works once, and registering the same
    pending address again voids the older links. Valid for PASSWORD_RESET_TIMEOUT."""

    key_salt = "storefront.customer.registration.AccountConfirmationTokenGenerator"


confirmation_token = AccountConfirmationTokenGenerator()


def is_pending(user):
    """Registered but the address is not confirmed yet (never signed in, so not an account someone closed)."""
    return not user.is_active and user.last_login is None


def open_account(request, *, email, password, new_user, next_url="", purpose="register"):
    """The inactive account to attach the registration to, with its confirmation link sent; or None when the
    address belongs to an account already: its owner is told by e-mail, and the caller answers as for a new
    one. `new_user` builds the unsaved user for a new address."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None and not is_pending(user):
        make_password(password)  # the work a new account costs, so the answer's timing tells nothing either
        send_account_exists(request, user, purpose)
        return None
    user = user or new_user()
    user.is_active = False
    user.set_password(password)
    user.save()
    send_confirmation(request, user, next_url)
    return user


def safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return ""


def confirmation_url(request, user, next_url=""):
    path = reverse("customer:account-confirm", kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                                                       "token": confirmation_token.make_token(user)})
    next_url = safe_next(request, next_url)
    return absolute_url(path + (f"?{urlencode({'next': next_url})}" if next_url else ""))


def send_confirmation(request, user, next_url=""):
    mail(user, "ocop/email/account_confirm", {"confirm_url": confirmation_url(request, user, next_url),
                                              "valid_days": settings.PASSWORD_RESET_TIMEOUT // 86400})


def send_account_exists(request, user, purpose):
    mail(user, "ocop/email/account_exists", {
        "purpose": purpose,
        "login_url": absolute_url(reverse("customer:login")),
        "reset_url": absolute_url(reverse("password-reset")),
        "apply_path": reverse("producers:apply"),
    })


def mail(user, template, context):
    context = {"user": user, "shop_name": settings.OSCAR_SHOP_NAME, **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    send_mail(subject, render_to_string(f"{template}.txt", context), settings.DEFAULT_FROM_EMAIL, [user.email])
