"""The renewal notices as a task, which the scheduler enqueues daily (docs/tasks.md). Each notice is recorded as
it is sent (renewals.py), so a second run, a retry after a failure or a concurrent run sends nothing twice."""

import logging

from django.conf import settings
from django_tasks import task

from .models import today
from .renewals import due_on, send_notice

logger = logging.getLogger(__name__)


@task()
def send_renewal_notices():
    """Today's notices; returns how many went out. A notice that fails to send fails the task after the others
    are tried, so the worker retries the ones left."""
    day = today()
    sent, failed = 0, []
    for certificate in due_on(day):
        try:
            if send_notice(certificate, day, settings.SITE_URL):
                sent += 1
        except Exception:  # noqa: BLE001  the others still go; this one raises below and is retried
            logger.exception("Renewal notice for %s not sent", certificate.number)
            failed.append(certificate.number)
    if failed:
        raise RuntimeError(f"Renewal notices not sent for {', '.join(failed)} ({sent} sent); retried later.")
    return sent
