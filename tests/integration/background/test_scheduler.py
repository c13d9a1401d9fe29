"""The scheduler process enqueues the periodic tasks: renewal notices daily at RENEWAL_NOTICES_AT (local time),
the search sync every SEARCH_SYNC_MINUTES when the site searches Elasticsearch, the staff insight figures every
INSIGHT_REFRESH_MINUTES."""

from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from django.core.management import CommandError, call_command
from django_tasks import TaskResultStatus

from search.tasks import sync_index
from storefront.background.schedule import build_scheduler, enqueue
from storefront.insight.tasks import warm_staff_insight
from storefront.ocop.tasks import send_renewal_notices

from tests.task_rows import rows

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def jobs():
    scheduler = build_scheduler(BackgroundScheduler)
    return {job.id: job for job in scheduler.get_jobs()}


def test_renewal_notices_run_daily_and_the_search_sync_every_few_minutes(settings, db):
    settings.ELASTICSEARCH_URL, settings.SEARCH_SYNC_MINUTES, settings.RENEWAL_NOTICES_AT = "http://es:9200", 5, "07:00"
    scheduled = jobs()
    assert set(scheduled) == {"renewal-notices", "search-sync", "insight-warm"}
    assert scheduled["renewal-notices"].func is enqueue and scheduled["renewal-notices"].args == (send_renewal_notices,)
    evening = datetime(2027, 3, 1, 20, 30, tzinfo=LOCAL)
    assert scheduled["renewal-notices"].trigger.get_next_fire_time(None, evening) == datetime(2027, 3, 2, 7, 0,
                                                                                              tzinfo=LOCAL)
    sync = scheduled["search-sync"].trigger
    first = sync.get_next_fire_time(None, evening)
    assert sync.get_next_fire_time(first, first) - first == timedelta(minutes=5)
    assert scheduled["search-sync"].args == (sync_index,)
    assert scheduled["insight-warm"].args == (warm_staff_insight,)


def test_the_insight_figures_are_recomputed_every_insight_refresh_minutes_unless_turned_off(settings, db):
    settings.ELASTICSEARCH_URL, settings.INSIGHT_REFRESH_MINUTES = "", 15
    warm = jobs()["insight-warm"].trigger
    first = warm.get_next_fire_time(None, datetime(2027, 3, 1, 20, 30, tzinfo=LOCAL))
    assert warm.get_next_fire_time(first, first) - first == timedelta(minutes=15)
    settings.INSIGHT_REFRESH_MINUTES = 0
    assert set(jobs()) == {"renewal-notices"}


def test_without_elasticsearch_there_is_no_search_sync(settings, db):
    settings.ELASTICSEARCH_URL = ""
    assert set(jobs()) == {"renewal-notices", "insight-warm"}


def test_a_job_puts_its_task_on_the_queue_for_the_workers(database_tasks, monkeypatch):
    # a job closes its thread's stale connections; here that thread's connection holds the test's transaction
    monkeypatch.setattr("storefront.background.schedule.close_old_connections", lambda: None)
    enqueue(send_renewal_notices)
    [task] = rows(send_renewal_notices)
    assert task.status == TaskResultStatus.READY


def test_the_command_lists_the_jobs_and_refuses_a_bad_time(settings, db):
    settings.ELASTICSEARCH_URL = ""
    out = StringIO()
    call_command("run_scheduler", "--list", stdout=out)
    lines = {line.split(":")[0]: line for line in out.getvalue().splitlines()}  # in the order they run next
    assert set(lines) == {"insight-warm", "renewal-notices"}
    assert lines["renewal-notices"].startswith("renewal-notices: send_renewal_notices, cron[")
    assert "next at" in lines["renewal-notices"]
    settings.RENEWAL_NOTICES_AT = "seven"
    with pytest.raises(CommandError, match="RENEWAL_NOTICES_AT is a time of day like 07:00"):
        call_command("run_scheduler", "--list", stdout=StringIO())
