"""Periodic tasks, enqueued by one scheduler process (`manage.py run_scheduler`, the Procfile's `scheduler:`
line, deploy/systemd/ocop-scheduler.service) on APScheduler; the workers run them like any other task, with
retries. Run exactly one scheduler: the tasks are idempotent, so a second one would only waste work."""

import logging
from datetime import time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import close_old_connections

logger = logging.getLogger(__name__)


def daily_time():
    try:
        return time.fromisoformat(settings.RENEWAL_NOTICES_AT)
    except ValueError:
        raise ImproperlyConfigured(f"RENEWAL_NOTICES_AT is a time of day like 07:00; got "
                                   f"{settings.RENEWAL_NOTICES_AT!r}.") from None


def periodic_jobs():
    """(id, task, APScheduler trigger) of every periodic task: the renewal notices daily, the search sync every
    SEARCH_SYNC_MINUTES when the site searches Elasticsearch, the staff insight figures every
    INSIGHT_REFRESH_MINUTES."""
    from apscheduler.triggers.cron import CronTrigger
    from apscheduler.triggers.interval import IntervalTrigger

    from search import indexing
    from search.tasks import sync_index
    from storefront.insight.tasks import warm_staff_insight
    from storefront.ocop.tasks import send_renewal_notices

    at = daily_time()
    jobs = [("renewal-notices", send_renewal_notices,
             CronTrigger(hour=at.hour, minute=at.minute, timezone=settings.TIME_ZONE))]
    if indexing.enabled():
        jobs.append(("search-sync", sync_index,
                     IntervalTrigger(minutes=settings.SEARCH_SYNC_MINUTES, timezone=settings.TIME_ZONE)))
    if settings.INSIGHT_REFRESH_MINUTES:
        jobs.append(("insight-warm", warm_staff_insight,
                     IntervalTrigger(minutes=settings.INSIGHT_REFRESH_MINUTES, timezone=settings.TIME_ZONE)))
    return jobs


def enqueue(task):
    """A job: put the task on the queue (APScheduler's threads each hold their own database connection)."""
    close_old_connections()
    try:
        result = task.enqueue()
        logger.info("Enqueued periodic task %s (%s)", task.name, result.id)
    finally:
        close_old_connections()


def build_scheduler(scheduler_class=None):
    """The scheduler with every periodic job added. Missed runs (the process was down) run once on start-up if
    they are less than an hour late, never several times over."""
    if scheduler_class is None:
        from apscheduler.schedulers.blocking import BlockingScheduler as scheduler_class
    scheduler = scheduler_class(timezone=settings.TIME_ZONE, job_defaults={
        "coalesce": True, "max_instances": 1, "misfire_grace_time": 3600})
    for job_id, task, trigger in periodic_jobs():
        scheduler.add_job(enqueue, trigger, args=[task], id=job_id, name=task.name, replace_existing=True)
    return scheduler
