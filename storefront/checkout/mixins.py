"""Order placement shared by every way an order is placed (cash on delivery at submit, a card payment from the
buyer's return or from Stripe's webhook): row-locked stock, per-producer shipments, producer e-mails."""

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import reverse
from oscar.apps.checkout import mixins
from oscar.core.loading import get_class, get_model

from storefront.order.statuses import PENDING
from storefront.site_url import absolute_url

from . import notifications
from .grouping import lines_by_producer
from .stock import lock_and_check_stock

parcels = get_class("shipping.methods", "parcels")
OrderShipment = get_model("shipping", "OrderShipment")


class OrderPlacementMixin(mixins.OrderPlacementMixin):
    initial_status = PENDING

    def place_order(self, order_number, user, basket, shipping_address, shipping_method, shipping_charge,
                    order_total, billing_address=None, surcharges=None, **kwargs):
        with transaction.atomic():
            lock_and_check_stock(basket)
            order = super().place_order(order_number, user, basket, shipping_address, shipping_method,
                                        shipping_charge, order_total, billing_address, surcharges, **kwargs)
            OrderShipment.objects.bulk_create(
                OrderShipment(order=order, producer=parcel.producer, producer_name=parcel.producer_name,
                              goods_total=parcel.goods_total, charge=parcel.charge)
                for parcel in parcels(basket))
        notifications.tell_producers(order)  # tasks, enqueued after the commit
        return order

    def send_order_placed_email(self, order):
        # A task enqueued after the commit, so a mail server's hiccup can neither roll back a paid order nor slow
        # the buyer's page (checkout/notifications.py).
        notifications.order_placed(order)

    def get_initial_order_status(self, basket):
        return self.initial_status

    def get_message_context(self, order):
        # Also used without a request: the webhook places orders for buyers who never came back.
        request = getattr(self, "request", None)
        user = order.user or AnonymousUser()
        if user.is_authenticated:
            path = reverse("customer:order", kwargs={"order_number": order.number})
        else:
            path = reverse("customer:anon-order", kwargs={"order_number": order.number,
                                                          "hash": order.verification_hash()})
        return {"user": user, "order": order, "lines": order.lines.all(), "request": request,
                "groups": lines_by_producer(order), "status_path": path, "status_url": absolute_url(path)}
