"""Suite-wide fixtures. The demo catalogue is loaded once into the test database; each test runs in a
transaction that is rolled back, so tests may change it freely."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.demo_clock import DEMO_DAY, DEMO_NOON

DEMO_ADMIN_PASSWORD = "demo-admin-test"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo", "--today", DEMO_DAY.isoformat(), "--admin-password", DEMO_ADMIN_PASSWORD,
                     stdout=StringIO())


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: cached reference data, rate limits and lockouts never leak from a
    test (whose database changes are rolled back) into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Vietnamese: a request in English leaves English active in the thread (LocaleMiddleware
    activates it and nothing resets it), and `product.title = …` writes the active language's column."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def vi(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return client


@pytest.fixture
def en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def demo_today():
    """The clock stopped at noon on the day the demo was laid out from (tests/demo_clock.py)."""
    import time_machine

    with time_machine.travel(DEMO_NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def database_tasks(settings, db):
    """Tasks on the database backend, as in production (the suite's default runs them after each commit, in the
    test): enqueueing writes a row, and nothing runs until `run_worker` (docs/tasks.md)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


@pytest.fixture
def run_worker(database_tasks, monkeypatch):
    """Runs every task that is due with django-tasks-db's worker loop (`manage.py db_worker --batch`), then returns.
    Between tasks the worker closes stale connections; here the connection holds the test's transaction."""
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        db_worker.Worker(queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
                         max_tasks=None, worker_id="test-worker", excluded_queue_names=[]).run()

    return run
