"""Enqueueing after commit: a task must never run on data its caller's transaction may still roll back, and the
worker must find the rows it is told about."""

from functools import partial

from django.db import transaction


def enqueue_on_commit(task, *args, **kwargs):
    """Enqueue `task` with these (JSON) arguments once the current transaction commits; at once outside one.
    Robust: a queue that cannot take the task is logged by Django and never fails the committed request."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs), robust=True)
