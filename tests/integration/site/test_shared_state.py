"""Many app servers share one Redis: what one server counts (certificate lookups, wrong passwords, failed
searches) and keeps (sessions) is in Redis, where the next server reads it.

The Django test clients all run in this one process, so each test proves the state is in Redis itself: it reads
the keys through a separate redis-py client, and writes through it what another app server would write.
`make test` starts Redis (tests/services/redis.sh) and exports REDIS_URL; the rest of the suite keeps its
per-process cache.
"""

import os
import time
import uuid

import pytest
import redis
import time_machine
from axes.helpers import get_client_cache_keys
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from search import breaker
from storefront.catalogue.caching import forget_shown

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-dung-2026"


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("No Redis for the shared-state tests: run them with `make test`, or start one with "
                    "`bash tests/services/redis.sh start` and export the REDIS_URL it prints.")
    return url


@pytest.fixture
def other_server(redis_url):
    """A separate connection to the same Redis: what any other app server sees."""
    connection = redis.Redis.from_url(redis_url)
    try:
        connection.ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis at {redis_url} does not answer: {error}")
    yield connection
    connection.close()


@pytest.fixture
def shared_cache(settings, redis_url, other_server):
    """The site configured as in production: the default cache on Redis (a key prefix of this test's own), so
    sessions are cached in it and sign-in failures counted in it (settings/base.py, CACHE_IS_SHARED)."""
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {"default": {"BACKEND": "storefront.redis_cache.RedisCache", "LOCATION": redis_url,
                                   "KEY_PREFIX": prefix}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"  # after CACHES: axes binds the cache now
    yield lambda key: f"{prefix}:1:{key}"  # Django's key: prefix, version, key
    for key in other_server.scan_iter(f"{prefix}:*"):
        other_server.delete(key)


def test_the_cache_keeps_one_redis_client_and_what_it_writes_is_in_redis(shared_cache, other_server):
    from django.core.cache import cache

    cache.set("kept-client", "một giá trị", 30)
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    assert other_server.exists(shared_cache("kept-client"))
    assert cache.get("kept-client") == "một giá trị"


def test_the_verify_limit_is_counted_in_redis_where_every_app_server_adds_to_it(client, settings, shared_cache,
                                                                                other_server):
    settings.OCOP_VERIFY_RATE_LIMIT_REQUESTS = 3
    url = reverse("ocop:verify", kwargs={"number": "NO-SUCH-9"})
    with time_machine.travel("2026-11-23 09:00:10", tick=False):  # one counting window (Redis expires keys itself)
        bucket = int(time.time() // settings.OCOP_VERIFY_RATE_LIMIT_WINDOW)
        key = shared_cache(f"ratelimit:verify:203.0.113.8:{bucket}")
        assert [client.get(url, REMOTE_ADDR="203.0.113.8").status_code for _ in range(2)] == [404, 404]
        assert int(other_server.get(key)) == 2
        assert 0 < other_server.ttl(key) <= settings.OCOP_VERIFY_RATE_LIMIT_WINDOW + 1

        other_server.incr(key)  # the same visitor's third lookup, answered by another app server
        assert client.get(url, REMOTE_ADDR="203.0.113.8").status_code == 429
        assert client.get(url, REMOTE_ADDR="198.51.100.9").status_code == 404  # another visitor counts apart


@pytest.fixture
def account(db):
    return get_user_model().objects.create_user(username="khach-quen", email="khach.quen@example.vn",
                                                password=PASSWORD)


def sign_in(client, account, password, address):
    return client.post("/accounts/login/", {"login-username": account.email, "login-password": password,
                                            "login_submit": "1"}, REMOTE_ADDR=address)


def test_wrong_passwords_are_counted_in_redis_so_another_app_server_can_lock_the_account(settings, shared_cache,
                                                                                      other_server, account):
    settings.AXES_FAILURE_LIMIT = 3
    attacker = Client()
    for _ in range(2):
        assert sign_in(attacker, account, "sai-mat-khau", "203.0.113.66").status_code == 200
    [axes_key] = get_client_cache_keys(AccessAttempt(username=account.username, ip_address="203.0.113.66"))
    key = shared_cache(axes_key)
    assert int(other_server.get(key)) == 2  # a count, under a hash: neither the password nor the e-mail
    assert 0 < other_server.ttl(key) <= settings.AXES_COOLOFF_TIME.total_seconds()  # the lockout ends by itself
    assert not AccessAttempt.objects.exists()  # no database write per wrong password

    other_server.incr(key)  # the third wrong password, typed on another app server
    assert sign_in(attacker, account, PASSWORD, "203.0.113.66").status_code == 429
    assert sign_in(Client(), account, PASSWORD, "198.51.100.21").status_code == 302  # the owner, elsewhere


def test_a_session_is_read_from_redis_and_survives_losing_it(client, shared_cache, other_server, account):
    assert sign_in(client, account, PASSWORD, "198.51.100.21").status_code == 302
    session_key = shared_cache("django.contrib.sessions.cached_db" + client.cookies["sessionid"].value)
    assert other_server.exists(session_key)  # any app server reads it from Redis

    other_server.delete(session_key)  # Redis restarted, or evicted it: the database still has it
    response = client.get("/accounts/profile/")
    assert response.status_code == 200 and response.wsgi_request.user == account


def test_the_search_breaker_opens_for_every_app_server_at_once(client, settings, shared_cache, other_server):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: every search fails
    settings.SEARCH_BREAKER_FAILURES, settings.SEARCH_MAX_RETRIES = 2, 0
    for _ in range(2):
        forget_shown()  # not the minute-long result cache: each search asks a backend
        assert client.get("/api/search/", {"province": "91"}).json()["backend"] == "database"
    open_keys = list(other_server.scan_iter(shared_cache("search:breaker:*:open")))
    assert len(open_keys) == 1 and 0 < other_server.ttl(open_keys[0]) <= settings.SEARCH_BREAKER_COOLDOWN
    assert breaker.state() == breaker.OPEN

    other_server.delete(*other_server.scan_iter(shared_cache("search:breaker:*")))  # another server's trial closed it
    assert breaker.state() == breaker.CLOSED
