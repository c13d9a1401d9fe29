"""Order e-mails, each a task the worker sends after the order's transaction commits (docs/tasks.md): Oscar's
"order placed" to the buyer, each producer's own lines of a new order, and the buyer's e-mail at each change of
status. Each task re-reads the order; a failure raises, so the worker retries it."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task
from oscar.core.loading import get_class, get_model

from storefront.background.enqueue import enqueue_on_commit

from .grouping import lines_by_producer

logger = logging.getLogger(__name__)

ORDER_PLACED = "ORDER_PLACED"
ORDER_STATUS_CHANGED = "ORDER_STATUS_CHANGED"


def order_placed(order):
    """The buyer's confirmation, in the language the buyer placed the order in, after the order's commit."""
    enqueue_on_commit(send_order_placed_email, order.pk, translation.get_language() or settings.LANGUAGE_CODE)


def tell_producers(order):
    """One e-mail for each producer with lines in the new order, after its commit."""
    producer_ids = {group.producer.pk for group in lines_by_producer(order) if group.producer is not None}
    for producer_id in sorted(producer_ids):
        enqueue_on_commit(notify_producer, order.pk, producer_id)


def order_status_changed(order, changed_producer_ids=()):
    enqueue_on_commit(send_status_email, order.pk, sorted(changed_producer_ids))


def _event_type(code, name):
    CommunicationEventType = get_model("communication", "CommunicationEventType")
    event_type, __ = CommunicationEventType.objects.get_or_create(
        code=code, defaults={"name": name, "category": CommunicationEventType.ORDER_RELATED})
    return event_type


def _placement():
    """Our checkout's placement mixin, without a request: the one owner of an order e-mail's context."""
    return get_class("checkout.mixins", "OrderPlacementMixin")()


@task()
def send_order_placed_email(order_id, language):
    """Oscar's "order placed" e-mail to the buyer, once: the order's e-mail record (which the dashboard lists)
    says it went already."""
    from oscar.apps.checkout.mixins import OrderPlacementMixin as OscarPlacement

    Order = get_model("order", "Order")
    CommunicationEvent = get_model("order", "CommunicationEvent")
    order = Order.objects.get(pk=order_id)
    event_type = _event_type(ORDER_PLACED, "Order placed")
    if CommunicationEvent.objects.filter(order=order, event_type=event_type).exists():
        return "sent already"
    with translation.override(language):
        OscarPlacement.send_order_placed_email(_placement(), order)  # Oscar's, not ours (ours enqueues this)
    return "sent"


@task()
def notify_producer(order_id, producer_id):
    """One producer's own lines of a new order, in the shop's language (the producer's, whoever bought)."""
    Order = get_model("order", "Order")
    order = Order.objects.get(pk=order_id)
    group = next((g for g in lines_by_producer(order) if g.producer is not None and g.producer.pk == producer_id),
                 None)
    if group is None:
        return "no lines"
    producer = group.producer
    if not producer.email:
        logger.warning("Order %s: producer %s has no e-mail address; its lines were not sent", order.number,
                       group.producer_name)
        return "no address"
    context = {"order": order, "group": group, "producer": producer}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("oscar/communication/emails/producer_order_subject.txt", context).strip()
        body = render_to_string("oscar/communication/emails/producer_order_body.txt", context)
        html = render_to_string("oscar/communication/emails/producer_order_body.html", context)
    message = EmailMultiAlternatives(subject, body, settings.OSCAR_FROM_EMAIL, [producer.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return "sent"


@task()
def send_status_email(order_id, changed_producer_ids):
    """The buyer's e-mail when its order or a producer's parcel moves on (storefront/order/processing.py), sent
    through Oscar's order dispatcher so the dashboard lists it under the order's e-mails. It tells the order's
    state as the worker reads it. In the shop's language: staff and producers who move orders may be reading the
    dashboard in another."""
    Order = get_model("order", "Order")
    OrderDispatcher = get_class("order.utils", "OrderDispatcher")
    order = Order.objects.get(pk=order_id)
    _event_type(ORDER_STATUS_CHANGED, "Order status changed")
    with translation.override(settings.LANGUAGE_CODE):
        context = _placement().get_message_context(order)
        context["changed"] = [group for group in context["groups"] if group.producer and
                              group.producer.pk in changed_producer_ids]
        dispatcher = OrderDispatcher(logger=logger)
        messages = dispatcher.dispatcher.get_messages(ORDER_STATUS_CHANGED, context)
        dispatcher.dispatch_order_messages(order, messages, ORDER_STATUS_CHANGED)
    return "sent"
