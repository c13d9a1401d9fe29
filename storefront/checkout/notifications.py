"""Producer e-mails: each producer receives only its own lines of an order."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .grouping import lines_by_producer

logger = logging.getLogger(__name__)


def notify_producers(order):
    for group in lines_by_producer(order):
        producer = group.producer
        if producer is None or not producer.email:
            logger.warning("Order %s: producer %s has no e-mail address; its lines were not sent", order.number,
                           group.producer_name)
            continue
        context = {"order": order, "group": group, "producer": producer}
        subject = render_to_string("oscar/communication/emails/producer_order_subject.txt", context).strip()
        body = render_to_string("oscar/communication/emails/producer_order_body.txt", context)
        html = render_to_string("oscar/communication/emails/producer_order_body.html", context)
        message = EmailMultiAlternatives(subject, body, settings.OSCAR_FROM_EMAIL, [producer.email])
        message.attach_alternative(html, "text/html")
        message.send()
