"""Oscar's account forms, except that registering does not say whether an e-mail has an account."""

from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer.forms import *  # noqa: F401,F403  Oscar's other account forms, unchanged
from oscar.apps.customer.forms import generate_username
from oscar.apps.customer.utils import normalise_email
from oscar.core.compat import get_user_model

User = get_user_model()


class EmailUserCreationForm(oscar_forms.EmailUserCreationForm):
    def clean_email(self):
        # No "this address has an account" error: registration.open_account tells the owner by e-mail instead.
        return normalise_email(self.cleaned_data["email"])

    def new_user(self):
        """The unsaved user this form describes, without its password (open_account sets it)."""
        user = super(oscar_forms.EmailUserCreationForm, self).save(commit=False)  # ModelForm's: Oscar's also hashes
        if "username" in [field.name for field in User._meta.fields]:
            user.username = generate_username()
        return user
