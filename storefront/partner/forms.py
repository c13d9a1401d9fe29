from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from .models import ProducerApplication


class ProducerApplicationForm(forms.ModelForm):
    """The public form: the producer's details and, unless the applicant is signed in, their new account."""

    ACCOUNT_FIELDS = ("full_name", "account_email", "password1", "password2")

    full_name = forms.CharField(label=_("Your full name"), max_length=150,
                                widget=forms.TextInput(attrs={"autocomplete": "name"}))
    account_email = forms.EmailField(label=_("Your e-mail (to sign in)"),
                                     widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(label=_("Password"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))
    password2 = forms.CharField(label=_("Password again"), strip=False,
                                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    class Meta:
        model = ProducerApplication
        fields = ["name", "legal_type", "province", "address", "phone", "email", "description"]
        labels = {"phone": _("Producer's phone"), "email": _("Producer's e-mail")}
        help_texts = {"email": _("Where buyers and programme staff write to the producer."),
                      "description": _("What you make, where, and since when.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 4}),
                   "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
                   "address": forms.TextInput(attrs={"autocomplete": "street-address"})}

    def __init__(self, *args, applicant=None, **kwargs):
        super().__init__(*args, **kwargs)
        if applicant is not None:
            self.instance.applicant = applicant
            for name in self.ACCOUNT_FIELDS:
                del self.fields[name]
        self.fields["province"].empty_label = _("Choose the province/city")

    # The page renders the form in these two groups, so a field added to either shows up by itself.
    def producer_fields(self):
        return [self[name] for name in self._meta.fields]

    def account_fields(self):
        return [self[name] for name in self.ACCOUNT_FIELDS if name in self.fields]

    def clean_account_email(self):
        # No "this address has an account" error: the view answers alike and tells the owner by e-mail.
        return get_user_model().objects.normalize_email(self.cleaned_data["account_email"]).lower()

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            try:
                password_validation.validate_password(password1)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def new_applicant(self):
        """The unsaved account of a new applicant (registration.open_account sets its password and saves it)."""
        first, _sep, last = self.cleaned_data["full_name"].strip().rpartition(" ")
        email = self.cleaned_data["account_email"]
        return get_user_model()(email=email, username=email[:150], first_name=first or last,
                                last_name=last if first else "")
