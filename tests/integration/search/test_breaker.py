"""The circuit breaker: after repeated failures searches stop waiting on the cluster and ask the database, until
one trial search finds the cluster back. A "hung node" here is a real socket that accepts connections and never
answers, so every request to it waits out SEARCH_TIMEOUT, and its count of connections says whether a search asked
it at all."""

import socket
import threading
from datetime import timedelta

import pytest
import time_machine

from search import breaker
from storefront.catalogue.caching import forget_shown

pytestmark = pytest.mark.django_db


class HungNode:
    """Accepts every connection and never answers: what a SIGSTOPped Elasticsearch looks like to a client."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:  # closed
                return
            self.connections.append(connection)

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture(autouse=True)
def no_process_state():
    breaker._process_cache.clear()
    yield
    breaker._process_cache.clear()


@pytest.fixture
def hung_node(settings):
    node = HungNode()
    settings.ELASTICSEARCH_URL = node.url
    settings.SEARCH_TIMEOUT, settings.SEARCH_MAX_RETRIES = 0.3, 0
    settings.SEARCH_BREAKER_FAILURES, settings.SEARCH_BREAKER_WINDOW, settings.SEARCH_BREAKER_COOLDOWN = 3, 60, 30
    yield node
    node.close()


def search(client):
    forget_shown()  # not the minute-long result cache (search/remembered.py): each search asks a backend
    response = client.get("/api/search/", {"province": "91"})
    assert response.status_code == 200
    return response.json()


def test_after_three_failures_searches_answer_from_the_database_without_asking_the_hung_cluster(client, hung_node):
    for _ in range(3):
        assert search(client)["backend"] == "database"  # each waited SEARCH_TIMEOUT for the hung node
    assert len(hung_node.connections) == 3 and breaker.state() == breaker.OPEN

    for _ in range(5):
        answer = search(client)
        assert answer["backend"] == "database" and answer["total"] >= 4
    assert len(hung_node.connections) == 3  # the open breaker never asked the hung node again


def test_a_success_between_failures_starts_the_count_again(hung_node):
    for _ in range(2):
        breaker.failed(breaker.allow())
    breaker.succeeded(breaker.allow())
    for _ in range(2):
        breaker.failed(breaker.allow())
    assert breaker.state() == breaker.CLOSED


def test_failures_further_apart_than_the_window_do_not_open_it(hung_node):
    with time_machine.travel("2026-11-23 09:00", tick=False) as traveller:
        for _ in range(3):
            breaker.failed(breaker.allow())
            traveller.shift(timedelta(seconds=31))  # three failures, but never three within 60 s
        assert breaker.state() == breaker.CLOSED


def test_after_the_cool_down_one_trial_asks_the_cluster_and_its_success_closes_the_breaker(client, use_es):
    use_es.SEARCH_BREAKER_COOLDOWN = 30
    with time_machine.travel("2026-11-23 09:00", tick=False) as traveller:
        for _ in range(use_es.SEARCH_BREAKER_FAILURES):
            breaker.failed(breaker.allow())
        assert breaker.state() == breaker.OPEN and search(client)["backend"] == "database"

        traveller.shift(timedelta(seconds=31))
        assert breaker.state() == breaker.HALF_OPEN
        assert search(client)["backend"] == "elasticsearch"  # the trial: the cluster answered
        assert breaker.state() == breaker.CLOSED and search(client)["backend"] == "elasticsearch"


def test_half_open_lets_one_search_try_while_the_others_use_the_database(hung_node):
    with time_machine.travel("2026-11-23 09:00", tick=False) as traveller:
        for _ in range(3):
            breaker.failed(breaker.allow())
        traveller.shift(timedelta(seconds=31))
        trial, other = breaker.allow(), breaker.allow()
        assert trial is not None and trial.trial and other is None


def test_a_failed_trial_opens_the_breaker_for_another_cool_down(client, hung_node):
    with time_machine.travel("2026-11-23 09:00", tick=False) as traveller:
        for _ in range(3):
            search(client)
        traveller.shift(timedelta(seconds=31))
        assert search(client)["backend"] == "database"  # the trial went to the hung node and timed out
        assert len(hung_node.connections) == 4 and breaker.state() == breaker.OPEN
        traveller.shift(timedelta(seconds=20))
        search(client)
        assert len(hung_node.connections) == 4  # still cooling down: no request


def test_when_the_cache_is_unreachable_each_process_keeps_its_own_breaker(hung_node, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                   "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
                                   "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}}
    for _ in range(3):
        breaker.failed(breaker.allow())
    assert breaker.state() == breaker.OPEN and breaker.allow() is None
    assert breaker._process_cache.get_many(breaker._keys().values())  # kept in this process's memory
