"""The demo's staff account."""

import secrets

from django.contrib.auth import get_user_model


def ensure_admin(username="admin", email="admin@ocop.example.vn", password=None):
    """Creates or resets the superuser; returns the password to print (random unless one is given)."""
    password = password or secrets.token_urlsafe(9)
    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = user.is_superuser = True
    user.set_password(password)
    user.save()
    return user, password
