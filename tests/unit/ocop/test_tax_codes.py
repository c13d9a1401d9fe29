"""Vietnamese tax codes as businesses type them on the inquiry form."""

import pytest

from storefront.ocop.tax_codes import TaxCodeError, check_digit, normalise

# Published codes of well-known enterprises (Vinamilk, Viettel): their check digits are the formula's.
REAL_CODES = ["0300588569", "0100109106"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_enterprise_codes_pass_the_check_digit(code):
    assert normalise(code) == code
    assert check_digit(code[:9]) == int(code[9])


@pytest.mark.parametrize("typed, expected", [
    (" 0300 588 569 ", "0300588569"),
    ("0300.588.569", "0300588569"),
    ("0300588569-001", "0300588569-001"),
    ("0300588569–002", "0300588569-002"),  # an en dash from a phone keyboard
    ("001085012345", "001085012345"),
])
def test_spaces_dots_and_branch_numbers_normalise(typed, expected):
    assert normalise(typed) == expected


@pytest.mark.parametrize("typed, reason", [
    ("", "shape"), ("030058856", "shape"), ("03005885690", "shape"), ("0300588569-01", "shape"),
    ("O300588569", "shape"), ("0300588569/001", "shape"), ("0300588569-001-002", "shape"),
    ("0300588568", "check_digit"), ("0100109107", "check_digit"),
    ("0300588569-000", "branch"),
    ("000085012345", "personal_province"), ("097085012345", "personal_province"),
])
def test_malformed_codes_say_why(typed, reason):
    with pytest.raises(TaxCodeError) as refused:
        normalise(typed)
    assert refused.value.reason == reason


def test_every_single_digit_typo_in_a_real_code_is_caught():
    code = REAL_CODES[0]
    for position in range(10):
        for digit in "0123456789":
            if digit == code[position]:
                continue
            typo = code[:position] + digit + code[position + 1:]
            with pytest.raises(TaxCodeError):
                normalise(typo)


def test_nine_digits_whose_check_would_be_ten_make_no_code():
    first_nine = next(f"{n:09d}" for n in range(10**6, 10**9) if check_digit(f"{n:09d}") is None)
    assert all(not _valid(first_nine + d) for d in "0123456789")


def _valid(code):
    try:
        normalise(code)
        return True
    except TaxCodeError:
        return False
