"""Oscar's registration step, opening the account only once its owner confirms the e-mail address."""

from oscar.apps.customer import mixins
from oscar.apps.customer.mixins import *  # noqa: F401,F403  Oscar's other account mixins, unchanged
from oscar.apps.customer.signals import user_registered

from .registration import open_account


class RegisterUserMixin(mixins.RegisterUserMixin):
    def register_user(self, form):
        """Sends the confirmation link (or, for an address with an account, a note to its owner); signs no one
        in. The view then answers "check your e-mail" either way (registration.py says why)."""
        user = open_account(self.request, email=form.cleaned_data["email"], password=form.cleaned_data["password1"],
                            new_user=form.new_user, next_url=form.cleaned_data.get("redirect_url", ""))
        if user is not None:
            user_registered.send_robust(sender=self, request=self.request, user=user)
        return user
