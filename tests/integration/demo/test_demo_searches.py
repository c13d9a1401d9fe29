"""`load_demo --searches N`: past searches over the year before the demo's today, each with what a real search
for its words finds in the demo catalogue, clicks only where something was found, and never added twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from search.models import SearchClick, SearchRecord
from search.records import folded
from storefront.demo.searches import add_demo_searches, searched
from tests.demo_clock import DEMO_DAY

pytestmark = pytest.mark.django_db

N = 600


@pytest.fixture
def demo_searches(demo_today, settings):
    settings.ELASTICSEARCH_URL = ""  # the database backend: no index to build for this test
    assert add_demo_searches(N, DEMO_DAY) == N


def test_the_searches_fall_in_the_year_before_today_and_record_what_a_search_finds(demo_searches):
    days = [timezone.localtime(at).date() for at in SearchRecord.objects.values_list("searched_at", flat=True)]
    assert len(days) == N and DEMO_DAY - timedelta(days=365) <= min(days) and max(days) < DEMO_DAY
    for query in SearchRecord.objects.values_list("query", flat=True).distinct():
        record = SearchRecord.objects.filter(query=query).first()
        assert (record.results, record.corrected_to) == searched(query)[:2], query
    assert SearchRecord.objects.filter(query="mật ong", results__gt=0).exists()
    found_nothing = SearchRecord.objects.filter(results=0)
    assert found_nothing.exists()  # what buyers look for and the demo does not sell
    assert all(record.folded == folded(record.query) for record in found_nothing)


def test_clicks_open_one_of_the_first_results_of_searches_that_found_something(demo_searches):
    clicks = SearchClick.objects.select_related("record")
    assert clicks.count() > N // 5
    for click in clicks[:50]:
        shown = searched(click.record.query)[3]
        assert click.record.results > 0 and shown[click.position - 1] == click.product_id
        assert click.clicked_at > click.record.searched_at
    assert not SearchClick.objects.filter(record__results=0).exists()


def test_the_history_is_added_once(demo_searches):
    assert add_demo_searches(N, DEMO_DAY) == 0
    assert SearchRecord.objects.count() == N
