import pytest

from storefront.ocop.text import fold, grouped, slugify_vi


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nước mắm Phú Quốc", "nuoc mam phu quoc"),
        ("Đặc sản Đà Lạt", "dac san da lat"),
        ("Chè Tân Cương – Thái Nguyên", "che tan cuong – thai nguyen"),
        ("TRÀ HOA VÀNG BA CHẼ", "tra hoa vang ba che"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_removes_diacritics_and_maps_d_bar(text, folded):
    assert fold(text) == folded


def test_slug_keeps_the_d_that_django_would_drop():
    assert slugify_vi("Gốm Bát Tràng - Đĩa men lam") == "gom-bat-trang-dia-men-lam"


@pytest.mark.parametrize("number, written", [(0, "0"), (999, "999"), (1000, "1.000"), (1250000, "1.250.000"),
                                             ("1000000000", "1.000.000.000")])
def test_whole_numbers_are_grouped_by_thousands_with_dots(number, written):
    assert grouped(number) == written
