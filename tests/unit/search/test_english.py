"""English analysis for search, done in Python because the node has no `english` analyzer."""

from search.english import analyse, words


def test_plural_and_singular_stem_to_the_same_word():
    assert analyse("teas") == analyse("tea") == "tea"
    assert analyse("cashews") == analyse("cashew")
    assert analyse("Potteries") == analyse("pottery")


def test_stop_words_and_case_are_dropped():
    assert analyse("The Honey of the Forest") == analyse("honey forest")


def test_proper_names_with_diacritics_fold_to_their_unaccented_english_form():
    assert words("Phú Quốc fish sauce") == ["phu", "quoc", "fish", "sauce"]


def test_a_query_of_stop_words_only_has_nothing_to_match():
    assert analyse("the and of") == ""
