"""No hostile query string or form post makes a public URL answer a 5xx (database search backend; the same
fuzz on Elasticsearch is in tests/integration/search/test_search_fuzz.py). Examples are fixed (derandomized)
and bounded per URL, so the run is repeatable and short."""

from urllib.parse import quote

import pytest
from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st
from oscar.core.loading import get_model

from tests.fuzzing import FUZZ, query_strings, values

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today", "use_database_search")]
Product = get_model("catalogue", "Product")
Province = get_model("ocop", "Province")

JSON_URLS = {"/api/search/", "/api/search/suggest", "/checkout/communes/"}


@pytest.fixture
def use_database_search(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.OCOP_VERIFY_RATE_LIMIT_REQUESTS = 10**6  # the fuzz would otherwise meet the rate limit, not the view
    yield settings
    cache.clear()  # hundreds of counted lookups must not rate-limit the tests that come after


def certified_product():
    return Product.objects.filter(is_public=True, current_certificate__isnull=False).order_by("pk").first()


def public_urls():
    product = certified_product()
    province_page = Province.objects.filter(page__isnull=False).order_by("pk").first().page
    return {
        "home": "/",
        "catalogue": "/catalogue/",
        "search": "/search/",
        "search api": "/api/search/",
        "suggest api": "/api/search/suggest",
        "verify form": "/verify/",
        "verify number": product.current_certificate.get_absolute_url(),
        "communes": "/checkout/communes/",
        "product page": product.get_absolute_url(),
        "province page": province_page.url,
        "producer application": "/producers/apply/",
    }


def assert_answered(response, path):
    assert response.status_code < 500, (path, response.status_code)
    if path in JSON_URLS and response.status_code == 400:
        assert response.json()["error"], path


@pytest.mark.parametrize("name", ["home", "catalogue", "search", "search api", "suggest api", "verify form",
                                  "verify number", "communes", "product page", "province page",
                                  "producer application"])
def test_no_query_string_makes_a_public_page_fail(client, name):
    path = public_urls()[name]

    @FUZZ
    @given(query=query_strings())
    def check(query):
        assert_answered(client.get(f"{path}?{query}"), path)

    check()


@FUZZ
@given(number=st.one_of(values, st.text(min_size=1, max_size=80)))
def test_no_certificate_number_in_the_url_makes_verify_fail(client, number):
    response = client.get("/verify/" + quote(number, safe="") + "/")
    assert response.status_code in (200, 302, 400, 404), (number, response.status_code)


@pytest.mark.parametrize("target", ["basket add", "producer application"])
def test_no_form_post_makes_a_public_form_fail(client, target):
    path = {"basket add": f"/basket/add/{certified_product().pk}/", "producer application": "/producers/apply/"}[target]

    @FUZZ
    @given(body=query_strings())
    def check(body):
        response = client.post(path, data=body, content_type="application/x-www-form-urlencoded")
        assert_answered(response, path)

    check()
