"""The shared strict parsers of request parameters (storefront.params): what they refuse, and how they say so."""

import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict

from storefront.params import MAX_ID, BadParameter, choice, shown, single, text, whole_number


@pytest.fixture(autouse=True)
def english():
    """The messages are checked in their source language; the site shows them in Vietnamese (locale/vi)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.mark.parametrize("value, number", [("1", 1), ("1000", 1000), ("007", 7)])
def test_whole_number_reads_ascii_digits_in_range(value, number):
    assert whole_number(value, "page", minimum=1, maximum=1000) == number


@pytest.mark.parametrize(
    "value",
    ["²", "1²", "٣", "３", "¹⁰", "0", "1001", "-1", "+1", " 1", "1 ", "1.0", "1e3", "", "0x10", "1_000",
     "9" * 5000, "\x00", "1\x00"],
    ids=repr,
)
def test_whole_number_refuses_anything_but_ascii_digits_in_range(value):
    with pytest.raises(BadParameter) as excinfo:
        whole_number(value, "page", minimum=1, maximum=1000)
    assert "page must be a whole number from 1 to 1000" in str(excinfo.value)


def test_whole_number_refuses_an_id_past_the_integer_column():
    assert whole_number(str(MAX_ID), "province", minimum=1, maximum=MAX_ID) == MAX_ID
    with pytest.raises(BadParameter):
        whole_number(str(MAX_ID + 1), "province", minimum=1, maximum=MAX_ID)


def test_a_refused_value_is_quoted_back_cut_short():
    with pytest.raises(BadParameter) as excinfo:
        whole_number("x" * 5000, "page", minimum=1, maximum=1000)
    assert len(str(excinfo.value)) < 200
    assert shown("x" * 5000) == repr("x" * 40 + "…")


def test_single_refuses_a_parameter_given_twice():
    assert single(QueryDict("page=2"), "page") == "2"
    assert single(QueryDict(""), "page", default="1") == "1"
    with pytest.raises(BadParameter, match="page is given more than once"):
        single(QueryDict("page=1&page=2"), "page")


@pytest.mark.parametrize("value", ["nước mắm", "a\tb", "emoji 🍵", "x" * 200])
def test_text_keeps_ordinary_text(value):
    assert text(value, "q", max_length=200) == value


@pytest.mark.parametrize("value, fragment", [("a\x00b", "control characters"), ("\x1b[31m", "control characters"),
                                             ("\x7f", "control characters"), ("x" * 201, "longer than 200")],
                         ids=repr)
def test_text_refuses_control_characters_and_overlong_values(value, fragment):
    with pytest.raises(BadParameter, match=fragment):
        text(value, "q", max_length=200)


def test_choice_lists_the_choices_in_its_message():
    assert choice("4", "stars", ("3", "4", "5")) == "4"
    with pytest.raises(BadParameter) as excinfo:
        choice("²", "stars", ("3", "4", "5"))
    assert str(excinfo.value) == "stars takes only: 3, 4, 5 (got '²')."


def test_bad_parameter_is_a_bad_request_so_an_uncaught_one_is_a_400():
    assert issubclass(BadParameter, BadRequest)
