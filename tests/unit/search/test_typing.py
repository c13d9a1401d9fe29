"""Telex and VNI typed with the input method off are read back as Vietnamese: every vowel, every tone, both
schemes, and words that only look like keys are left alone."""

import unicodedata

import pytest

from search.typing import decode, decode_telex_word, decode_vni_word

# One plain syllable per vowel (and đ), with how each scheme types its letters.
# (syllable, Telex keys, VNI keys)
VOWELS = [
    ("ba", "ba", "ba"),
    ("ăn", "awn", "a8n"),
    ("cân", "caan", "ca6n"),
    ("me", "me", "me"),
    ("mê", "mee", "me6"),
    ("bi", "bi", "bi"),
    ("bo", "bo", "bo"),
    ("cô", "coo", "co6"),
    ("cơ", "cow", "co7"),
    ("mu", "mu", "mu"),
    ("tư", "tuw", "tu7"),
    ("ly", "ly", "ly"),
    ("đa", "dda", "d9a"),
]
# (name, combining mark, Telex key, VNI key)
TONES = [
    ("sắc", "\u0301", "s", "1"),
    ("huyền", "\u0300", "f", "2"),
    ("hỏi", "\u0309", "r", "3"),
    ("ngã", "\u0303", "x", "4"),
    ("nặng", "\u0323", "j", "5"),
]


def with_tone(syllable, mark):
    """The oracle: a one-vowel syllable carries its tone on that vowel."""
    decomposed = unicodedata.normalize("NFD", syllable)
    vowel = next(i for i, ch in enumerate(decomposed) if ch in "aeiouy")
    # after the vowel and any shape mark (circumflex, breve, horn) already on it
    end = vowel + 1
    while end < len(decomposed) and unicodedata.category(decomposed[end]) == "Mn":
        end += 1
    return unicodedata.normalize("NFC", decomposed[:end] + mark + decomposed[end:])


@pytest.mark.parametrize("syllable,telex,vni", VOWELS, ids=[v[0] for v in VOWELS])
@pytest.mark.parametrize("tone,mark,telex_key,vni_key", TONES, ids=[t[0] for t in TONES])
def test_every_vowel_takes_every_tone_in_telex(syllable, telex, vni, tone, mark, telex_key, vni_key):
    assert decode_telex_word(telex + telex_key) == with_tone(syllable, mark)


@pytest.mark.parametrize("syllable,telex,vni", VOWELS, ids=[v[0] for v in VOWELS])
@pytest.mark.parametrize("tone,mark,telex_key,vni_key", TONES, ids=[t[0] for t in TONES])
def test_every_vowel_takes_every_tone_in_vni(syllable, telex, vni, tone, mark, telex_key, vni_key):
    assert decode_vni_word(vni + vni_key) == with_tone(syllable, mark)


@pytest.mark.parametrize("syllable,telex,vni", [v for v in VOWELS if v[1] != v[0]],
                         ids=[v[0] for v in VOWELS if v[1] != v[0]])
def test_shape_keys_alone_make_the_vowel_without_a_tone(syllable, telex, vni):
    assert decode_telex_word(telex) == syllable
    assert decode_vni_word(vni) == syllable


@pytest.mark.parametrize("keys,word", [
    ("nuowcs", "nước"), ("nuowsc", "nước"), ("nuocws", "nước"), ("mawms", "mắm"), ("nguwowif", "người"),
    ("quoocs", "quốc"), ("giuwowngf", "giường"), ("khuyeens", "khuyến"), ("hoaf", "hòa"), ("thuyr", "thủy"),
    ("ddaauj", "đậu"), ("phoongj", "phộng"), ("vuwngf", "vừng"), ("lowjn", "lợn"), ("tieengs", "tiếng"),
    ("dduwowngf", "đường"), ("chaof", "chào"), ("bawps", "bắp"), ("mef", "mè"), ("thowm", "thơm"),
])
def test_telex_words_decode_with_the_tone_where_vietnamese_writes_it(keys, word):
    assert decode_telex_word(keys) == word


@pytest.mark.parametrize("keys,word", [
    ("nu7o7c1", "nước"), ("nuoc71", "nước"), ("ma8m1", "mắm"), ("d9a6u5", "đậu"), ("vie65t", "việt"),
    ("ho2a", "hòa"), ("thuy3", "thủy"), ("ngu7o72i", "người"), ("quo6c1", "quốc"), ("lo75n", "lợn"),
])
def test_vni_words_decode_with_digits_after_the_vowel_or_at_the_end(keys, word):
    assert decode_vni_word(keys) == word


def test_vni_without_shape_keys_still_gives_the_folded_word():
    # 'nuoc1' lacks the horn keys: it decodes to a spelling that folds to 'nuoc', which is what matching uses
    assert decode("nuoc1 mam1") == "nuóc mám"


def test_a_whole_query_decodes_word_by_word_and_keeps_the_other_words():
    assert decode("nuowcs mawms") == "nước mắm"
    assert decode("nuowcs mawms Phu Quoc") == "nước mắm Phu Quoc"
    assert decode("nước mawms") == "nước mắm"


@pytest.mark.parametrize("query", [
    "cafe", "coffee", "fish sauce", "honey", "robusta", "wine", "cashew", "Gạo ST25", "Ri6", "40",
    "nuoc mam", "Nước mắm Phú Quốc", "tra",
])
def test_words_that_are_not_typed_keys_are_not_decoded(query):
    assert decode(query) == ""
