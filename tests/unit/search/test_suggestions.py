"""Autocomplete inputs: the first letters of the title or of any later word, with or without diacritics."""

from search.documents import suggestion_inputs
from storefront.ocop.text import fold


def test_every_word_of_the_title_starts_a_suggestion_input_without_diacritics():
    inputs = suggestion_inputs("Nước mắm Phú Quốc")
    assert "nước mắm phú quốc" in inputs
    assert {"nuoc mam phu quoc", "mam phu quoc", "phu quoc", "quoc"} <= set(inputs)


def test_folding_maps_the_stroked_d():
    assert fold("Đường thốt nốt") == "duong thot not"
