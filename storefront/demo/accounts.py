"""The demo's accounts: the staff admin, and producer users for a few demo producers."""

import secrets

from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from storefront.partner.access import grant_producer_access

Partner = get_model("partner", "Partner")

DEMO_PRODUCER_USERS = 2  # producers given a demo user: those with the most products


def ensure_admin(username="admin", email="admin@ocop.example.vn", password=None):
    """Creates the superuser; returns it and the password to print: random for a new account unless one is given,
    None for an existing account, whose password is changed only when one is given."""
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = user.is_superuser = True
    password = _set_password(user, password, created)
    user.save()
    return user, password


def _set_password(user, password, created):
    if created or password:
        password = password or secrets.token_urlsafe(9)
        user.set_password(password)
        return password
    return None


def ensure_producer_users(password=None, count=DEMO_PRODUCER_USERS):
    """Gives the demo producers with the most products a user each (producer1@…, producer2@…) with
    Oscar's partner dashboard access; returns [(user, partner, password or None if left unchanged)] to print."""
    from django.db.models import Count

    partners = (Partner.objects.annotate(n=Count("stockrecords")).filter(n__gt=0)
                .order_by("-n", "code")[:count])
    accounts = []
    for index, partner in enumerate(partners, start=1):
        email = f"producer{index}@ocop.example.vn"
        user, created = get_user_model().objects.get_or_create(username=f"producer{index}",
                                                               defaults={"email": email})
        user.email, user.is_staff = email, False
        user.first_name = partner.name[:150]
        secret = _set_password(user, password, created)
        user.save()
        for other in user.partners.exclude(pk=partner.pk):
            other.users.remove(user)  # a rerun after the catalogue changed: one producer per demo user
        grant_producer_access(user, partner)
        accounts.append((user, partner, secret))
    return accounts
