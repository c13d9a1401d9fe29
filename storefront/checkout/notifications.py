"""Order e-mails beyond Oscar's "order placed": each producer receives only its own lines of a new order, and the
buyer hears of each change of status."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

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


ORDER_STATUS_CHANGED = "ORDER_STATUS_CHANGED"


def notify_buyer_of_status(order, changed_producer_ids=()):
    """The buyer's e-mail when its order or a producer's parcel moves on (storefront/order/processing.py), sent
    through Oscar's order dispatcher so the dashboard lists it under the order's e-mails. In the shop's language:
    staff and producers who move orders may be reading the dashboard in another. Never fatal."""
    from oscar.core.loading import get_class, get_model

    CommunicationEventType = get_model("communication", "CommunicationEventType")
    OrderDispatcher = get_class("order.utils", "OrderDispatcher")
    OrderPlacementMixin = get_class("checkout.mixins", "OrderPlacementMixin")
    try:
        CommunicationEventType.objects.get_or_create(
            code=ORDER_STATUS_CHANGED, defaults={"name": "Order status changed",
                                                 "category": CommunicationEventType.ORDER_RELATED})
        with translation.override(settings.LANGUAGE_CODE):
            context = OrderPlacementMixin().get_message_context(order)  # the one owner of the order's link
            context["changed"] = [group for group in context["groups"] if group.producer and
                                  group.producer.pk in changed_producer_ids]
            dispatcher = OrderDispatcher(logger=logger)
            messages = dispatcher.dispatcher.get_messages(ORDER_STATUS_CHANGED, context)
            dispatcher.dispatch_order_messages(order, messages, ORDER_STATUS_CHANGED)
    except Exception:
        logger.exception("Order %s: the status e-mail was not sent (the change itself is saved)", order.number)
