"""/readyz asks the Elasticsearch cluster for its health when one is configured, and says what the search's circuit
breaker is doing."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_readyz_reports_the_clusters_health_when_one_is_configured(client, es_url):
    with override_settings(ELASTICSEARCH_URL=es_url):
        response = client.get("/readyz")
    assert response.status_code == 200
    search = response.json()["parts"]["search"]
    assert search["status"] in ("elasticsearch green", "elasticsearch yellow")
    assert search["nodes"] == 1 and search["breaker"] == "closed"


def test_readyz_names_search_and_the_open_breaker_when_the_cluster_keeps_failing(client, settings):
    from search import breaker

    settings.ELASTICSEARCH_URL, settings.SEARCH_TIMEOUT, settings.SEARCH_MAX_RETRIES = "http://127.0.0.1:9", 0.5, 0
    for _ in range(settings.SEARCH_BREAKER_FAILURES):
        breaker.failed(breaker.allow())
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["failing"] == ["search"]
    assert response.json()["parts"]["search"]["breaker"] == "open"
