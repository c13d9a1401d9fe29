from django_tasks_db.models import DBTaskResult


def rows(task):
    """The task's queue rows, oldest first."""
    return list(DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at"))
