from oscar.apps.dashboard.orders.forms import *  # noqa: F401,F403  Oscar's other order forms, unchanged
from oscar.apps.dashboard.orders import forms as oscar_forms

from storefront.order import statuses
from storefront.order.processing import payment_held


class OrderStatusForm(oscar_forms.OrderStatusForm):
    """Oscar's status form with the statuses as people read them; an order paid by card is not offered
    "cancelled": refunding it is how it is cancelled (the money goes back and the stock returns)."""

    def __init__(self, order, *args, **kwargs):
        super().__init__(order, *args, **kwargs)
        held = payment_held(order) > 0
        self.fields["new_status"].choices = [
            (status, statuses.label(status)) for status in order.available_statuses()
            if not (held and status == statuses.CANCELLED)]


class OrderSearchForm(oscar_forms.OrderSearchForm):
    """Oscar's order search, its status choices as people read them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "---------")] + [
            (status, statuses.label(status)) for status in oscar_forms.Order.all_statuses()]
