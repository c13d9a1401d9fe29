from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from .models import ProducerApplication


class ProducerApplicationForm(forms.ModelForm):
    """The public form: the producer's details and the applicant's account in one step."""

    full_name = forms.CharField(label=_("Your full name"), max_length=150)
    account_email = forms.EmailField(label=_("Your e-mail (to sign in)"))
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label=_("Password again"), widget=forms.PasswordInput, strip=False)

    class Meta:
        model = ProducerApplication
        fields = ["name", "legal_type", "province", "address", "phone", "email", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def clean_account_email(self):
        email = get_user_model().objects.normalize_email(self.cleaned_data["account_email"]).lower()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail exists already: sign in first, "
                                          "or use another e-mail."))
        return email

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

    def save(self, commit=True):
        User = get_user_model()
        first, _sep, last = self.cleaned_data["full_name"].strip().rpartition(" ")
        user = User(email=self.cleaned_data["account_email"], first_name=first or last, last_name=last if first else "")
        user.username = self.cleaned_data["account_email"][:150]
        user.set_password(self.cleaned_data["password1"])
        user.save()
        self.instance.applicant = user
        return super().save(commit)
