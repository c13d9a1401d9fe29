"""The producer hears of every decision on its booth application by e-mail, once the decision is committed.
Sent with Django's send_mail, as the project's other notices are (the background-task mail path covers it)."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from storefront.site_url import absolute_url


def recipients(producer):
    addresses = {user.email for user in producer.users.filter(is_active=True) if user.email}
    if producer.email:
        addresses.add(producer.email)
    return sorted(addresses)


def notify_decision(application, promoted=False):
    """E-mails the application's new state (`promoted`: it moved up from the waiting list) after commit."""
    transaction.on_commit(lambda: send_decision(application, promoted))


def send_decision(application, promoted=False):
    to = recipients(application.producer)
    if not to:
        return []
    context = {"application": application, "fair": application.fair, "promoted": promoted,
               "shop_name": settings.OSCAR_SHOP_NAME,
               "application_url": absolute_url(reverse("dashboard:booth-application", kwargs={"pk": application.pk})),
               "fair_url": absolute_url(application.fair.url or "/")}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string("tradedesk/email/booth_decision_subject.txt", context).split())
        body = render_to_string("tradedesk/email/booth_decision.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    return to
