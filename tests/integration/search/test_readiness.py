"""/readyz asks the Elasticsearch cluster for its health when one is configured."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_readyz_reports_the_clusters_health_when_one_is_configured(client, es_url):
    with override_settings(ELASTICSEARCH_URL=es_url):
        response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["parts"]["search"]["status"] in ("elasticsearch green", "elasticsearch yellow")
