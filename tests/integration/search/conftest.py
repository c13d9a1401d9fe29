"""Search tests run against a real Elasticsearch node and against the database, with the same cases.

`make test` (tests/services/run_suite.sh) starts a node and exports OCOP_TEST_ELASTICSEARCH_URL. Only these
tests point settings.ELASTICSEARCH_URL at it (through the `settings` fixture), so the rest of the suite keeps
searching the database. The demo catalogue is indexed once per session under a private alias; a test that
changes products gets a fresh alias of its own (`fresh_index`) so it never disturbs the shared one.
"""

import os
import uuid

import pytest
from elasticsearch import Elasticsearch

from search import indexing


def node_url():
    url = os.environ.get("OCOP_TEST_ELASTICSEARCH_URL") or os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.fail("No Elasticsearch node for the search tests: run them with `make test`, or start one with "
                    "`make search-node` and export OCOP_TEST_ELASTICSEARCH_URL=http://127.0.0.1:9250.")
    try:
        Elasticsearch(url, request_timeout=5).cluster.health(wait_for_status="yellow", timeout="5s")
    except Exception as error:  # noqa: BLE001
        pytest.fail(f"The Elasticsearch node at {url} does not answer: {error}")
    return url


@pytest.fixture(scope="session")
def es_url():
    return node_url()


@pytest.fixture(scope="session")
def shared_alias(es_url, django_db_setup, django_db_blocker):
    """The demo catalogue, indexed once for the session."""
    from django.test import override_settings

    alias = f"test-{uuid.uuid4().hex[:8]}-products"
    with override_settings(ELASTICSEARCH_URL=es_url, SEARCH_INDEX_ALIAS=alias), django_db_blocker.unblock():
        indexing.rebuild()
    yield alias
    Elasticsearch(es_url).indices.delete(index=f"{alias}-*", ignore_unavailable=True)


@pytest.fixture
def use_es(settings, es_url, shared_alias):
    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_INDEX_ALIAS = shared_alias
    settings.SEARCH_REFRESH_WAIT = True
    return settings


@pytest.fixture
def use_database(settings):
    settings.ELASTICSEARCH_URL = ""
    return settings


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db):
    """Run the test once per backend: the behaviour buyers see must not depend on which one answers."""
    request.getfixturevalue("use_es" if request.param == "elasticsearch" else "use_database")
    return request.param


@pytest.fixture
def fresh_index(settings, es_url, db):
    """A private alias for a test that writes to the index; call it to (re)build from the test's database."""
    settings.ELASTICSEARCH_URL = es_url
    settings.SEARCH_INDEX_ALIAS = f"test-{uuid.uuid4().hex[:8]}-products"
    settings.SEARCH_REFRESH_WAIT = True

    def build():
        return indexing.rebuild()

    yield build
    Elasticsearch(es_url).indices.delete(index=f"{settings.SEARCH_INDEX_ALIAS}-*", ignore_unavailable=True)
