from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackgroundConfig(AppConfig):
    """Background work on django-tasks (docs/tasks.md): enqueueing after commit, retries with backoff, and the
    scheduler process for periodic tasks. The tasks themselves live with their apps (each app's tasks.py)."""

    name = "storefront.background"
    label = "background"
    verbose_name = _("Background tasks")

    def ready(self):
        from django_tasks.signals import task_finished

        from .retries import retry_failed_task

        task_finished.connect(retry_failed_task, dispatch_uid="background-retry-failed-task")
