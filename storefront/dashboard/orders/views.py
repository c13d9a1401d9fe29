"""Orders per producer: Oscar lets a partner open a whole order once one line is theirs; here a producer
gets its own lines, their total and the delivery address, and can mark those lines shipped."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from oscar.apps.dashboard.orders import views
from oscar.core.loading import get_model

Line = get_model("order", "Line")
ShippingEventType = get_model("order", "ShippingEventType")

SHIPPED = "shipped"


def own_lines(lines, user):
    return lines if user.is_staff else lines.filter(partner__users=user).distinct()


def lines_total(lines):
    return sum((line.line_price_incl_tax for line in lines), start=0)


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

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.prefetch_related(
            Prefetch("lines", queryset=Line.objects.filter(partner__users=user).distinct(), to_attr="producer_lines"))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            ctx["producer_orders"] = [
                {"order": order, "lines": order.producer_lines, "total": lines_total(order.producer_lines),
                 "quantity": sum(line.quantity for line in order.producer_lines)}
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
        if not request.user.is_staff and action != "create_shipping_event":
            raise PermissionDenied
        return super().handle_line_action(request, order, action)

    def create_shipping_event(self, request, order, lines, quantities):
        request.POST = request.POST.copy()
        request.POST.setdefault("reference", "")  # Oscar stores a missing reference as NULL in a NOT NULL column
        if not request.user.is_staff:
            # A producer can only mark its lines shipped, whatever event type the form says.
            ShippingEventType.objects.get_or_create(code=SHIPPED, defaults={"name": "Shipped"})
            request.POST["shipping_event_type"] = SHIPPED
        return super().create_shipping_event(request, order, lines, quantities)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if not self.request.user.is_staff:
            ctx["lines_total"] = lines_total(ctx["lines"])
            ctx["shipped_line_ids"] = {
                line.id for line in ctx["lines"]
                if line.shipping_event_quantities.filter(event__event_type__code=SHIPPED).exists()}
        return ctx


class LineDetailView(views.LineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        user = self.request.user
        if not user.is_staff and not (line.partner and line.partner.users.filter(pk=user.pk).exists()):
            raise Http404
        return line
