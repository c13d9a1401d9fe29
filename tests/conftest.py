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
