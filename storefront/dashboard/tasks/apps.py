from django.urls import path
from django.utils.translation import gettext_lazy as _
from oscar.core.application import OscarDashboardConfig


class TasksDashboardConfig(OscarDashboardConfig):
    """Staff see the background tasks that failed after their retries, with their error, and run them again."""

    label = "tasks_dashboard"
    name = "storefront.dashboard.tasks"
    verbose_name = _("Background tasks")

    default_permissions = ["is_staff"]

    def ready(self):
        from . import views

        self.views = views

    def get_urls(self):
        v = self.views
        urls = [
            path("failed/", v.FailedTaskListView.as_view(), name="failed-task-list"),
            path("failed/<uuid:pk>/retry/", v.RetryTaskView.as_view(), name="failed-task-retry"),
        ]
        return self.post_process_urls(urls)
