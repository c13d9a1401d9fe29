"""Orders and lines moving along the lifecycle (storefront/order/statuses.py).

A producer moves its own lines (confirmed, handed to the courier, delivered, cancelled); staff move the whole
order and every line that can goes with it. The order follows its lines: confirmed once every line still in play
is, delivered once every one is, cancelled when all are. The stock follows the goods: a cancelled line gives its
reserved units back (Oscar's cancel_allocation), a delivered one takes them out of stock for good
(consume_allocation). The buyer is e-mailed each change once the transaction commits."""

import logging

from django.utils.translation import gettext as _
from oscar.apps.order import exceptions, processing
from oscar.apps.partner.exceptions import InvalidStockAdjustment
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_model

from storefront.checkout.notifications import order_status_changed

from . import statuses

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingEventType = get_model("order", "ShippingEventType")

logger = logging.getLogger(__name__)
# Oscar's shipping events recorded on the way, so the dashboard's shipping tab keeps the history.
SHIPPING_EVENTS = {statuses.SHIPPING: ("shipped", "Shipped"), statuses.DELIVERED: ("delivered", "Delivered")}


def payment_held(order):
    """What the shop holds of the buyer's money for this order: taken by card and not refunded (cash on delivery
    is collected by the couriers)."""
    return sum((source.amount_debited - source.amount_refunded for source in order.sources.all()), 0)


class EventHandler(processing.EventHandler):

    def handle_order_status_change(self, order, new_status, note_msg=None):
        """Staff move the whole order; each line that can reach the new status goes with it."""
        order = self._lock(order)
        if new_status not in order.available_statuses():
            raise exceptions.InvalidOrderStatus(
                _("An order that is %(old)s cannot become %(new)s.")
                % {"old": statuses.label(order.status), "new": statuses.label(new_status)})
        lines = list(order.lines.all())
        if new_status == statuses.CANCELLED:
            if any(line.status == statuses.DELIVERED for line in lines):
                raise exceptions.InvalidOrderStatus(
                    _("Some of this order's goods are delivered already: cancel the other lines instead."))
            if payment_held(order) > 0:
                raise PaymentError(_("This order was paid by card: refund the payment instead. A full refund "
                                     "cancels the order and returns the stock."))
        old_status = order.status
        moved = self._move_lines(order, [line for line in lines
                                         if statuses.path(Line.pipeline, line.status, new_status)], new_status)
        order.set_status(new_status)
        if note_msg:
            self.create_note(order, note_msg)
        self._notify(order, old_status, moved)
        return order

    def handle_line_status_change(self, order, lines, new_status, reference=""):
        """A producer (or staff) moves some lines; all of them or none. Returns the order as it now stands."""
        order = self._lock(order)
        lines = list(order.lines.filter(pk__in=[line.pk for line in lines]))
        stuck = [line for line in lines if not statuses.path(Line.pipeline, line.status, new_status)]
        if stuck:
            raise exceptions.InvalidLineStatus("; ".join(
                _("“%(title)s” is %(old)s and cannot become %(new)s")
                % {"title": line.title, "old": statuses.label(line.status), "new": statuses.label(new_status)}
                for line in stuck))
        old_status = order.status
        moved = self._move_lines(order, lines, new_status, reference)
        if new_status == statuses.CANCELLED and payment_held(order) > 0:
            self.create_note(order, _("Lines cancelled after a card payment: %(lines)s. Refund the buyer for "
                                      "them.") % {"lines": ", ".join(f"{line.quantity} × {line.title}" for line in moved)})
        self._follow_lines(order)
        self._notify(order, old_status, moved)
        return order

    def handle_full_refund(self, order):
        """The payment went back in full (storefront/payment/refunds.py): a fact from Stripe, so it is recorded
        whatever the status. Goods not delivered give their reserved stock back."""
        order = self._lock(order)
        old_status = order.status
        lines = list(order.lines.all())
        for line in lines:
            if line.status != statuses.DELIVERED:
                self._return_stock(line)
            line.status = statuses.REFUNDED
            line.save(update_fields=["status"])
        order.status = statuses.REFUNDED
        order.save(update_fields=["status"])
        order.status_changes.create(old_status=old_status, new_status=statuses.REFUNDED)
        self._notify(order, old_status, lines)
        return order

    # --- steps ---------------------------------------------------------------------------------------------

    @staticmethod
    def _lock(order):
        # One change of an order at a time: two producers finishing together must both count for the order.
        return Order.objects.select_for_update(of=("self",)).get(pk=order.pk)

    def _move_lines(self, order, lines, goal, reference=""):
        routes = {line: statuses.path(Line.pipeline, line.status, goal) for line in lines}
        for line, route in routes.items():
            for step in route:
                line.set_status(step)
                if step == statuses.CANCELLED:
                    self._return_stock(line)
                elif step == statuses.DELIVERED:
                    self._take_stock(line)
        for step, (code, name) in SHIPPING_EVENTS.items():
            passed = [line for line, route in routes.items() if step in route]
            if passed:
                event_type, __ = ShippingEventType.objects.get_or_create(code=code, defaults={"name": name})
                self.create_shipping_event(order, event_type, passed, [line.quantity for line in passed],
                                           reference=(reference or "") if step == statuses.SHIPPING else "")
        return [line for line, route in routes.items() if route]

    def _follow_lines(self, order):
        goal = statuses.followed(order.lines.values_list("status", flat=True))
        route = statuses.path(order.pipeline, order.status, goal) if goal else None
        for step in route or []:  # None: the order is further on already (or closed)
            order.set_status(step)

    @staticmethod
    def _return_stock(line):
        if line.stockrecord_id and line.num_allocated:
            line.cancel_allocation(line.num_allocated)

    @staticmethod
    def _take_stock(line):
        if not (line.stockrecord_id and line.num_allocated):
            return
        try:
            line.consume_allocation(line.num_allocated)
        except InvalidStockAdjustment:
            # The producer lowered its stock below what was reserved: the goods are delivered all the same.
            logger.warning("Order line %s delivered, but its stock record had fewer units than reserved", line.pk)

    def _notify(self, order, old_status, moved):
        if moved or order.status != old_status:
            changed = {line.partner_id for line in moved}
            order_status_changed(order, changed)  # a task, enqueued after the commit
