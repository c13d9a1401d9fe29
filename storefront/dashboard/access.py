"""Who may open an OCOP dashboard page, as Oscar's permission maps say it."""

from oscar.core.loading import get_class


def staff_or_producer(*url_names):
    """A permissions_map letting staff and producer users (Oscar's partner dashboard access) reach `url_names`;
    the views themselves narrow a producer to its own objects."""
    DashboardPermission = get_class("dashboard.permissions", "DashboardPermission")
    allowed = (DashboardPermission.staff, DashboardPermission.partner_dashboard_access)
    return {name: allowed for name in url_names}
