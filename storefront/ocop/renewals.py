"""Renewal notices: once per certificate, when its renewal window is open (the window is the rules')."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import translation

from .models import Certificate, RenewalNotice
from .rules import Status


def due_on(day):
    """Current certificates in their renewal window on `day` that have had no notice yet."""
    candidates = (Certificate.objects.filter(product__current_certificate=F("pk"), renewal_notice__isnull=True)
                  .filter(valid_until__gte=day, issued_on__lte=day)
                  .select_related("product", "producer"))
    return [c for c in candidates if c.status_on(day) == Status.RENEWAL_WINDOW]


def recipients(certificate):
    addresses = {user.email for user in certificate.producer.users.filter(is_active=True) if user.email}
    if certificate.producer.email:
        addresses.add(certificate.producer.email)
    return sorted(addresses)


def send_notice(certificate, day, site_url):
    """Sends and records one notice; returns the recipients, or [] when nothing was sent."""
    to = recipients(certificate)
    if not to:
        return []  # not recorded: it goes out once someone can receive it
    context = {"certificate": certificate, "window": certificate.renewal_window,
               "verify_url": site_url.rstrip("/") + certificate.get_absolute_url()}
    try:
        with transaction.atomic():
            # Recorded first, inside the transaction: a second run (or a concurrent one) finds it and skips;
            # if sending fails the record is rolled back and the next run tries again.
            RenewalNotice.objects.create(certificate=certificate, sent_on=day, recipients=", ".join(to))
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string("ocop/email/renewal_notice_subject.txt", context).strip()
                body = render_to_string("ocop/email/renewal_notice.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    except IntegrityError:
        return []
    return to
