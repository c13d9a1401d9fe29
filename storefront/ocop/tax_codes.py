"""Vietnamese tax codes (mã số thuế) as a business types them on an inquiry form.

Pure: a string in, the normalised code or a reason out. The shapes the tax authority issues:
- 10 digits: an enterprise, cooperative or household business; the tenth digit is a check digit,
  10 − (Σ dᵢ·wᵢ mod 11) over the first nine with weights 31, 29, 23, 19, 17, 13, 7, 5, 3 (a result of 10 is
  never issued);
- 10 digits, a hyphen and 3 digits: a branch or dependent unit of the enterprise with those 10 digits;
- 12 digits: since 1 July 2025 an individual's (and so a household business owner's) personal identification
  number is their tax code; its first three digits are the province of birth registration (001–096).
"""

from __future__ import annotations

import re

WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_SEPARATORS = re.compile(r"[\s.]")
_SHAPE = re.compile(r"^(\d{10})(?:-(\d{3}))?$|^(\d{12})$")


class TaxCodeError(ValueError):
    """Why a tax code is refused; `reason` is one of the REASONS keys."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(reason)


REASONS = ("shape", "check_digit", "branch", "personal_province")


def check_digit(first_nine: str) -> int | None:
    """The tenth digit for these nine, or None when the formula gives 10 (no such code exists)."""
    digit = 10 - sum(int(d) * w for d, w in zip(first_nine, WEIGHTS)) % 11
    return None if digit == 10 else digit


def normalise(raw: str) -> str:
    """The code in its canonical form ("0300588569", "0300588569-001", "001085012345"), or TaxCodeError.

    Spaces and dots people type to group digits are dropped; any other character is refused."""
    code = _SEPARATORS.sub("", raw or "").replace("–", "-").replace("—", "-")
    match = _SHAPE.match(code)
    if not match:
        raise TaxCodeError("shape")
    enterprise, branch, personal = match.groups()
    if personal:
        if not 1 <= int(personal[:3]) <= 96:
            raise TaxCodeError("personal_province")
        return personal
    if check_digit(enterprise[:9]) != int(enterprise[9]):
        raise TaxCodeError("check_digit")
    if branch == "000":
        raise TaxCodeError("branch")
    return f"{enterprise}-{branch}" if branch else enterprise
