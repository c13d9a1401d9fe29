"""Hypothesis strategies for hostile request input: what people and bots really send to public URLs.

Keys are mostly ones the site knows (so values reach the parsers), sometimes not; values mix Unicode digits
and superscripts (which `str.isdigit()` accepts and `int()` refuses or misreads), huge numbers, slashes, NULs
and other control characters, long strings, and ordinary text. Keys repeat.
"""

from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

KNOWN_KEYS = ["q", "page", "stars", "sort", "group", "province", "price", "producer_type", "number", "quantity",
              "action", "name", "legal_type", "address", "phone", "email", "description", "full_name",
              "account_email", "password1", "password2", "utm_source"]

#: Fixed, repeatable and bounded: each URL gets the same examples on every run, and a run takes seconds.
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

unicode_digits = st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=6)
superscripts = st.text(st.sampled_from("⁰¹²³⁴⁵⁶⁷⁸⁹½¼"), min_size=1, max_size=4)
huge_numbers = st.one_of(st.integers(min_value=2**31 - 2, max_value=10**40), st.integers(max_value=-1)).map(str)
small_numbers = st.integers(min_value=0, max_value=1001).map(str)
slashes = st.sampled_from(["a/b", "/", "../..", "%2F", "\\", "a/b/c/", "//"])
control = st.text(st.characters(min_codepoint=0, max_codepoint=31), min_size=1, max_size=4)
long_text = st.integers(min_value=199, max_value=3000).map(lambda n: "x" * n)
anything = st.text(max_size=30)

values = st.one_of(unicode_digits, superscripts, huge_numbers, small_numbers, slashes, control, long_text, anything,
                   st.sampled_from(["", "3", "4", "5", "1", "01", "91", "1.4", "stars", "relevance", "reorder",
                                    "cooperative", "0-100000", "nước mắm", "a,b,,", "4,5,²"]))
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.sampled_from(KNOWN_KEYS), anything.filter(bool))
pairs = st.lists(st.tuples(keys, values), max_size=6)


def query_strings():
    """Encoded query strings (and form bodies): repeated keys kept, every character percent-encoded."""
    return pairs.map(urlencode)
