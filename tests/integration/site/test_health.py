"""/healthz says the process answers; /readyz checks what a request needs and names the part that fails."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_ok_when_database_cache_search_and_storage_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert set(body["parts"]) == {"database", "cache", "search", "storage"}
    assert body["parts"]["search"]["status"] == "database"  # no cluster configured: database search answers


def test_readyz_is_503_naming_search_when_the_cluster_cannot_be_reached(client):
    with override_settings(ELASTICSEARCH_URL="http://127.0.0.1:9", SEARCH_TIMEOUT=0.5):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["search"]
    assert response.json()["parts"]["database"]["status"] == "ok"


def test_readyz_is_503_naming_the_cache_when_it_loses_what_it_was_given(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["failing"] == ["cache"]
