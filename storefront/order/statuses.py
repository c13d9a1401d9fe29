"""The order lifecycle: the statuses stored on orders and lines, their labels, and which status may follow which.

The stored values are English and stable (they are never translated in the database); people see the labels.
The settings hand the pipelines to Oscar (OSCAR_ORDER_STATUS_PIPELINE, OSCAR_LINE_STATUS_PIPELINE), and
storefront/order/processing.py moves orders and lines along them. Pure data: the settings import this module."""

from django.utils.translation import gettext_lazy as _

PENDING = "Pending"  # cash on delivery, placed: waiting for the producers to confirm
PAID = "Paid"  # paid by card: waiting for the producers to confirm
CONFIRMED = "Confirmed"
SHIPPING = "Shipping"  # handed to the courier
DELIVERED = "Delivered"
CANCELLED = "Cancelled"
REFUNDED = "Refunded"  # by card, refunded in full (storefront/payment/refunds.py)

LABELS = {
    PENDING: _("Awaiting confirmation"),
    PAID: _("Paid, awaiting confirmation"),
    CONFIRMED: _("Confirmed"),
    SHIPPING: _("Being delivered"),
    DELIVERED: _("Delivered"),
    CANCELLED: _("Cancelled"),
    REFUNDED: _("Refunded"),
}

# The way forward, which an order follows once all its (not cancelled) lines have gone that far.
FORWARD = (CONFIRMED, SHIPPING, DELIVERED)

# Refunded is reached only by refunding the payment, never by picking it in a form: not in the pipelines.
ORDER_PIPELINE = {
    PENDING: (CONFIRMED, CANCELLED),
    PAID: (CONFIRMED, CANCELLED),
    CONFIRMED: (SHIPPING, CANCELLED),
    SHIPPING: (DELIVERED, CANCELLED),  # cancelled on the way: the parcel came back (a cash buyer refused it)
    DELIVERED: (),
    CANCELLED: (),
    REFUNDED: (),
}
LINE_PIPELINE = {
    PENDING: (CONFIRMED, CANCELLED),
    CONFIRMED: (SHIPPING, CANCELLED),
    SHIPPING: (DELIVERED, CANCELLED),
    DELIVERED: (),
    CANCELLED: (),
    REFUNDED: (),
}
INITIAL_ORDER_STATUS = PENDING
INITIAL_LINE_STATUS = PENDING


def label(status):
    return LABELS.get(status, status)


def path(pipeline, start, goal):
    """The shortest series of steps from one status to another along a pipeline (not including `start`), or
    None when `goal` cannot be reached. A producer may mark a pending line shipped: it is confirmed on the way."""
    if start == goal:
        return []
    routes, seen = [[start]], {start}
    while routes:
        route = routes.pop(0)
        for step in pipeline.get(route[-1], ()):
            if step == goal:
                return route[1:] + [step]
            if step not in seen:
                seen.add(step)
                routes.append(route + [step])
    return None


def followed(line_statuses):
    """The status an order takes from its lines: cancelled when every line is, otherwise the furthest step
    forward that every line still in play has reached (None: not even all confirmed yet)."""
    statuses = list(line_statuses)
    live = [status for status in statuses if status not in (CANCELLED, REFUNDED)]
    if not live:
        return CANCELLED if statuses and all(status == CANCELLED for status in statuses) else None
    reached = [FORWARD.index(status) if status in FORWARD else -1 for status in live]
    return FORWARD[min(reached)] if min(reached) >= 0 else None
