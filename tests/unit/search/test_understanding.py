"""A query's alternatives: synonyms replace one known word or phrase at a time, with diacritics when typed."""

import json
from pathlib import Path

from search.synonyms import Entry
from search.understanding import expand

TABLE = [
    Entry(("lạc",), ("đậu phộng",), ()),
    Entry(("đậu phộng",), ("lạc",), ()),
    Entry(("dứa",), ("thơm", "khóm"), ()),
    Entry(("nc",), ("nước",), ()),
    Entry(("quà tết",), ("quà biếu",), ("1.5", "2.1")),
]


def texts(alternatives):
    return [(alternative.text, alternative.groups) for alternative in alternatives]


def test_a_word_is_replaced_by_what_it_also_means_keeping_the_other_words():
    assert texts(expand("kẹo lạc", TABLE)) == [("kẹo đậu phộng", ())]


def test_a_phrase_is_matched_whole():
    assert texts(expand("keo dau phong", TABLE)) == [("keo lạc", ())]


def test_without_diacritics_a_word_matches_folded_with_them_only_as_written():
    assert texts(expand("mứt dua", TABLE)) == [("mứt thơm", ()), ("mứt khóm", ())]
    assert expand("mứt dừa", TABLE) == []  # coconut is not pineapple


def test_shorthand_expands_one_way():
    assert texts(expand("nc mam", TABLE)) == [("nước mam", ())]
    assert expand("nước mắm", TABLE) == []


def test_gift_words_also_stand_for_their_groups():
    assert texts(expand("Quà Tết", TABLE)) == [("quà biếu", ()), ("", ("1.5", "2.1"))]


def test_a_word_inside_another_is_not_a_match():
    assert expand("lạcc", TABLE) == [] and expand("ncc", TABLE) == []


def test_the_synonym_file_is_versioned_and_well_formed():
    data = json.loads((Path(__file__).parents[3] / "fixtures" / "search_synonyms.json").read_text(encoding="utf-8"))
    assert data["version"]
    keys = [row["key"] for row in data["synonyms"]]
    assert len(keys) == len(set(keys))
    kinds = {row["kind"] for row in data["synonyms"]}
    assert kinds == {"regional", "shorthand", "loanword", "gift"}
    pairs = {frozenset(row["terms"]) for row in data["synonyms"]}
    for pair in (("lạc", "đậu phộng"), ("vừng", "mè"), ("ngô", "bắp"), ("lợn", "heo")):
        assert any(set(pair) <= terms for terms in pairs), pair
    assert all(len(row["terms"]) >= 2 for row in data["synonyms"])
