"""The search query string: every malformed value is refused with a message, never ignored."""

import pytest
from django.http import QueryDict

from search.params import BadSearchRequest, parse


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in their source language; the site shows them in Vietnamese (locale/vi)."""
    from django.utils import translation

    with translation.override("en"):
        yield

GROUPS = {"1", "1.4", "2", "6"}
PROVINCES = {"01", "91"}


def parse_qs(qs, **kwargs):
    return parse(QueryDict(qs), allowed_groups=GROUPS, allowed_provinces=PROVINCES, **kwargs)


def test_empty_query_string_gives_defaults():
    params = parse_qs("")
    assert (params.q, params.group, params.province, params.stars, params.sort, params.page) == (
        "", (), (), (), "relevance", 1)


def test_repeated_and_comma_separated_values_are_equivalent():
    assert parse_qs("stars=4&stars=5").stars == parse_qs("stars=4,5").stars == (4, 5)
    assert parse_qs("province=01,91").province == ("01", "91")


def test_query_whitespace_is_collapsed():
    assert parse_qs("q=++nuoc+++mam++").q == "nuoc mam"


@pytest.mark.parametrize(
    ("qs", "fragment"),
    [
        ("stars=2", "stars"),
        ("stars=abc", "stars"),
        ("stars=4.5", "stars"),
        ("sort=cheapest", "sort"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("page=100000", "page"),
        ("group=9.9", "group"),
        ("province=63", "province"),
        ("colour=red", "colour"),
        ("q=" + "a" * 201, "200"),
    ],
)
def test_malformed_parameters_are_refused_with_a_message_naming_them(qs, fragment):
    with pytest.raises(BadSearchRequest) as error:
        parse_qs(qs)
    assert fragment in str(error.value)


def test_tracking_parameters_from_marketing_links_are_ignored():
    assert parse_qs("utm_source=zalo&fbclid=x&q=che").q == "che"


def test_a_page_can_pin_a_parameter():
    assert parse_qs("group=2", fixed={"group": ("1",)}).group == ("1",)


def test_price_bands_and_producer_types_are_parsed_and_checked():
    params = parse_qs("price=0-100000,1000000-&producer_type=cooperative&producer_type=household")
    assert params.price == ("0-100000", "1000000-")
    assert params.producer_type == ("cooperative", "household")
    assert params.has_filters
    for qs in ("price=0-99", "price=abc", "producer_type=state"):
        with pytest.raises(BadSearchRequest):
            parse_qs(qs)


def test_price_band_bounds():
    from search.params import price_band

    assert price_band("100000-300000") == (100000, 300000)
    assert price_band("1000000-") == (1000000, None)


@pytest.mark.parametrize(
    "qs",
    ["page=²", "page=%C2%B2", "page=%D9%A3", "page=1%00", "page=" + "9" * 5000, "page=1&page=2",
     "stars=²", "stars=%EF%BC%94", "stars=4.0", "stars=" + ",".join(["4"] * 101),
     "sort=relevance&sort=stars", "q=a&q=b", "q=nuoc%00mam", "group=" + "x" * 10000],
    ids=lambda qs: qs[:40],
)
def test_what_isdigit_or_int_would_let_through_is_a_bad_search_request(qs):
    with pytest.raises(BadSearchRequest):
        parse_qs(qs)


def test_the_stars_message_lists_the_certified_stars_of_the_programme():
    from storefront.ocop import reference

    with pytest.raises(BadSearchRequest) as error:
        parse_qs("stars=2")
    certified = ", ".join(str(stars) for stars in reference.programme().certified_stars)
    assert f"stars takes only: {certified} (got '2')" in str(error.value)
