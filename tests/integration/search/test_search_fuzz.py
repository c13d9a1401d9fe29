"""The search API's fuzz on Elasticsearch: no hostile query string reaches the node as a query it rejects,
so nothing answers a 5xx (the other public URLs are fuzzed on the database backend in
tests/integration/site/test_fuzz.py)."""

import pytest
from hypothesis import given

from tests.fuzzing import FUZZ, query_strings

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("use_es")]


@FUZZ
@given(query=query_strings())
def test_no_query_string_makes_the_search_api_fail_on_elasticsearch(client, query):
    response = client.get(f"/api/search/?{query}")
    assert response.status_code in (200, 400), (query, response.status_code)
    body = response.json()
    if response.status_code == 200:
        assert body["backend"] == "elasticsearch"
    else:
        assert body["error"]
