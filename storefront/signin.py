"""Sign-in throttling with django-axes: the pieces its settings point at (AXES_* in settings/base.py)."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render


class ThrottledSignInBackend(AxesStandaloneBackend):
    """Refuses sign-in for an account from a client that is locked out; signs no one in itself.

    Only sign-ins with a request are throttled: without one there is no client to count (Oscar signs a new
    customer in right after registration with `authenticate()` and no request; the password was just set).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def account_key(request, credentials):
    """The account a sign-in attempt names, as one key: its username whether the form took the e-mail (Oscar)
    or the username (Django admin, Wagtail), however it was cased or padded; a name that matches no account
    counts as typed. Django-axes also calls this on success, with the username, to clear the failures."""
    typed = ((credentials or {}).get("username") or request.POST.get("username") or "").strip()
    if not typed:
        return None
    User = get_user_model()
    account = (User.objects.filter(username=typed).first()
               or User.objects.filter(email__iexact=typed).order_by("pk").first())
    return account.get_username() if account else typed.lower()


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets instead of the form (429, as django-axes answers by default)."""
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    return render(request, "ocop/signin_locked_out.html", {"cooloff_minutes": minutes},
                  status=settings.AXES_HTTP_RESPONSE_CODE)
