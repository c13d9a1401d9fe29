"""Retries for the database backend: django-tasks records a failed task and stops there. A failed row goes back to
the queue, due after a growing delay, until it has run settings.TASK_MAX_ATTEMPTS times; then it stays FAILED
with its last error, listed for staff on the dashboard's failed-task page (storefront/dashboard/tasks/), where
`retry_now` queues it once more. Every task of ours is idempotent, so running one again is always safe."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus

logger = logging.getLogger(__name__)


def retry_delay(attempts):
    """Seconds to wait after the `attempts`-th failed run: TASK_RETRY_DELAY, then four times as long each time."""
    return settings.TASK_RETRY_DELAY * 4 ** (attempts - 1)


def retry_failed_task(sender, task_result, **kwargs):
    """task_finished receiver: a failed database task goes back to the queue while it has attempts left."""
    db_result = getattr(task_result, "db_result", None)  # only the database backend keeps rows to retry
    if task_result.status != TaskResultStatus.FAILED or db_result is None:
        return
    from django_tasks_db.models import DBTaskResult

    attempts = task_result.attempts  # the worker adds its id to the row on every run
    if attempts >= settings.TASK_MAX_ATTEMPTS:
        logger.error("Task %s (%s) failed %d times; left for staff on the failed-task page", task_result.id,
                     task_result.task.name, attempts)
        return
    delay = retry_delay(attempts)
    DBTaskResult.objects.filter(pk=db_result.pk, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now() + timedelta(seconds=delay), finished_at=None)
    logger.warning("Task %s (%s) failed (attempt %d of %d); retrying in %.0f s", task_result.id,
                   task_result.task.name, attempts, settings.TASK_MAX_ATTEMPTS, delay)


def retry_now(result_id):
    """Staff's "run again" for a task that used up its attempts: due at once, with a fresh set of attempts.
    Returns whether the task was failed (and so is queued now)."""
    from django_tasks_db.models import DBTaskResult

    return bool(DBTaskResult.objects.filter(pk=result_id, status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY, run_after=timezone.now(), finished_at=None, worker_ids=[]))
