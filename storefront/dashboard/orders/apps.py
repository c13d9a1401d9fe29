import oscar.apps.dashboard.orders.apps as apps
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """A producer sees only its own lines of an order; order-wide views (statistics, notes, editing the
    delivery address) stay with staff because they show or change other producers' parts."""

    name = "storefront.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
        for staff_only in ("order-stats", "order-detail-note", "order-shipping-address"):
            self.permissions_map[staff_only] = DashboardPermission.staff
