"""Vietnamese text helpers: folding diacritics for matching, ASCII slugs, whole numbers as Vietnamese writes them."""

import unicodedata

from django.utils.text import slugify

# đ/Đ are letters of their own, not d with a mark: NFD leaves them alone, so map them first.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})


def strip_diacritics(text: str) -> str:
    """'Nước mắm Phú Quốc' -> 'Nuoc mam Phu Quoc' (case kept)."""
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_D_MAP))
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str) -> str:
    """Lower-case, without diacritics: 'Nước mắm Phú Quốc' -> 'nuoc mam phu quoc'."""
    return strip_diacritics(text).lower()


def slugify_vi(value, allow_unicode=False):
    """Oscar's slug function: 'Đặc sản Đà Lạt' -> 'dac-san-da-lat' (Django's slugify would drop the đ)."""
    return slugify(fold(str(value)), allow_unicode=False)


def grouped(number) -> str:
    """A whole number with Vietnamese digit grouping: 1250000 -> '1.250.000' (amounts in messages, labels, PDFs)."""
    return f"{int(number):,}".replace(",", ".")
