"""Orders per producer: Oscar lets a partner open a whole order once one line is theirs; here a producer
gets its own lines grouped as the parcels it sends, their status, total, shipping and (cash on delivery) the cash
its courier collects, and moves those lines along the lifecycle (storefront/order/processing.py): confirmed,
handed to the courier, delivered, or cancelled. Staff move whole orders with Oscar's status form."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.apps.dashboard.orders import views
from oscar.apps.order.exceptions import InvalidLineStatus, InvalidOrderStatus
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_model

from storefront.checkout.grouping import ProducerGroup, lines_by_producer, pays_cash_on_delivery
from storefront.order import statuses

Line = get_model("order", "Line")
OrderNote = get_model("order", "OrderNote")
OrderShipment = get_model("shipping", "OrderShipment")

# What a producer can do with its lines, in the order it happens, as the buttons say it.
LINE_ACTIONS = {
    statuses.CONFIRMED: gettext_lazy("Confirm"),
    statuses.SHIPPING: gettext_lazy("Hand to the courier"),
    statuses.DELIVERED: gettext_lazy("Mark delivered"),
    statuses.CANCELLED: gettext_lazy("Cancel lines"),
}
PRODUCER_LINE_ACTIONS = ("change_line_statuses", "create_shipping_event")


def own_lines(lines, user):
    return lines if user.is_staff else lines.filter(partner__users=user).distinct()


def status_change_message(old_status, new_status):
    return _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
        "old_status": statuses.label(old_status), "new_status": statuses.label(new_status)}


def next_steps(lines):
    """The actions that can move at least one of these lines."""
    return [(status, label) for status, label in LINE_ACTIONS.items()
            if any(statuses.path(Line.pipeline, line.status, status) for line in lines)]


class OrderListView(views.OrderListView):
    def get_template_names(self):
        if self.request.user.is_staff:
            return super().get_template_names()
        return ["oscar/dashboard/orders/producer_order_list.html"]

    def is_csv_download(self):
        return self.request.user.is_staff and super().is_csv_download()

    def post(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied  # bulk actions change or export whole orders
        return super().post(request, *args, **kwargs)

    def change_order_status(self, request, order):
        """Oscar's bulk action, with the statuses as people read them and the lifecycle's refusals as messages."""
        new_status = request.POST.get("new_status", "").strip()
        message = status_change_message(order.status, new_status)
        try:
            self.get_handler(user=request.user).handle_order_status_change(order, new_status, note_msg=message)
        except (InvalidOrderStatus, PaymentError) as error:
            messages.error(request, f"{order.number}: {error}")
        else:
            messages.info(request, f"{order.number}: {message}")

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.prefetch_related(
            Prefetch("lines", queryset=Line.objects.filter(partner__users=user).distinct(), to_attr="producer_lines"),
            Prefetch("shipments", queryset=OrderShipment.objects.filter(producer__users=user).distinct(),
                     to_attr="producer_shipments"),
            "sources__source_type")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            # One row per order: the producer's own lines as one parcel (several, for a user of several producers).
            ctx["producer_orders"] = [
                {"order": order, "parcel": ProducerGroup(
                    None, "", order.producer_lines, shipping=sum(s.charge for s in order.producer_shipments),
                    cash_on_delivery=pays_cash_on_delivery(order))}
                for order in ctx["orders"]
            ]
        return ctx


class OrderDetailView(views.OrderDetailView):
    def get_template_names(self):
        if self.request.user.is_staff:
            return super().get_template_names()
        return ["oscar/dashboard/orders/producer_order_detail.html"]

    def get_order_lines(self):
        return own_lines(self.object.lines.all(), self.request.user)

    def handle_order_action(self, request, order, action):
        if not request.user.is_staff:
            raise PermissionDenied  # order-wide: status, notes, payments
        return super().handle_order_action(request, order, action)

    def handle_line_action(self, request, order, action):
        if not request.user.is_staff and action not in PRODUCER_LINE_ACTIONS:
            raise PermissionDenied
        return super().handle_line_action(request, order, action)

    def change_order_status(self, request, order):
        """Oscar's, with the statuses as people read them in the message and the order's notes."""
        form = self.get_order_status_form()
        if not form.is_valid():
            return self.reload_page(error=_("Invalid form submission"))
        new_status = form.cleaned_data["new_status"]
        message = status_change_message(order.status, new_status)
        try:
            self.get_handler(user=request.user).handle_order_status_change(order, new_status, note_msg=message)
        except PaymentError as error:
            messages.error(request, _("Unable to change order status due to payment error: %s") % error)
        except InvalidOrderStatus as error:
            messages.error(request, str(error))
        else:
            messages.info(request, message)
        return self.reload_page()

    def change_line_statuses(self, request, order, lines, quantities):
        """Lines move along the lifecycle as a whole (stock, shipping events, the order following, the buyer's
        e-mail), for staff and producers alike."""
        new_status = request.POST.get("new_status", "").strip()
        if not new_status:
            return self.reload_page(error=_("Choose the new status of the selected lines."))
        try:
            self.get_handler(user=request.user).handle_line_status_change(
                order, lines, new_status, reference=request.POST.get("reference", "").strip()[:128])
        except InvalidLineStatus as error:
            return self.reload_page(error=str(error))
        message = _("%(lines)s: now %(status)s.") % {
            "lines": ", ".join(f"{line.quantity} × {line.title}" for line in lines),
            "status": statuses.label(new_status)}
        order.notes.create(user=request.user, message=message, note_type=OrderNote.SYSTEM)
        messages.success(request, message)
        return self.reload_page()

    def create_shipping_event(self, request, order, lines, quantities):
        if not request.user.is_staff:
            # A producer's "shipped" is a step of its lines' lifecycle, whatever event type the form says.
            request.POST = request.POST.copy()
            request.POST["new_status"] = statuses.SHIPPING
            return self.change_line_statuses(request, order, lines, quantities)
        request.POST = request.POST.copy()
        request.POST.setdefault("reference", "")  # Oscar stores a missing reference as NULL in a NOT NULL column
        return super().create_shipping_event(request, order, lines, quantities)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            own = {line.pk for line in ctx["lines"]}
            ctx["groups"] = [group for group in lines_by_producer(self.object)
                             if group.lines and group.lines[0].pk in own]
            ctx["line_actions"] = next_steps(ctx["lines"])
        return ctx


class LineDetailView(views.LineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        user = self.request.user
        if not user.is_staff and not (line.partner and line.partner.users.filter(pk=user.pk).exists()):
            raise Http404
        return line
