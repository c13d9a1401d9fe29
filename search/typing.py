"""Telex and VNI left in a query when the input method was off: 'nuowcs mawms' and 'nu7o71c ma8m1' are
'nước mắm'. Pure functions, no Django.

A word is decoded only when it reads as typed keys: it carries Telex or VNI keys, and what they decode to is a
Vietnamese syllable (an initial consonant, a vowel nucleus, a final). So 'cafe', 'coffee', 'ST25' and 'Ri6' are
left alone, and the caller keeps the literal query anyway (a decoding is only ever an alternative).

No maintained library does this (the PyPI input-method engines are unmaintained since 2014), and the rules are
short: the tables below are the whole of both schemes.
"""

import re
import unicodedata

# Tone marks as combining characters: sắc, huyền, hỏi, ngã, nặng.
ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
TELEX_TONES = {"s": ACUTE, "f": GRAVE, "r": HOOK, "x": TILDE, "j": DOT, "z": ""}
VNI_TONES = {"1": ACUTE, "2": GRAVE, "3": HOOK, "4": TILDE, "5": DOT, "0": ""}
# Vowel shapes: a circumflex (â ê ô), a horn (ơ ư) or a breve (ă).
CIRCUMFLEX = {"a": "â", "e": "ê", "o": "ô"}
HORN = {"o": "ơ", "u": "ư"}
BREVE = {"a": "ă"}
TELEX_DOUBLES = {"aa": "â", "ee": "ê", "oo": "ô", "dd": "đ"}
VNI_SHAPES = {"6": CIRCUMFLEX, "7": HORN, "8": BREVE}

VOWELS = "aăâeêioôơuưy"
INITIALS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")
FINALS = ("ng", "nh", "ch", "c", "m", "n", "p", "t", "")
# Every vowel nucleus Vietnamese spells (without tone), the vowel-ending finals (ai, ao, …) included.
NUCLEI = set("""
a ă â e ê i o ô ơ u ư y
ai ao au ay âu ây eo êu ia iu oa oă oe oi ôi ơi ua uâ ue uê ui uô uơ uy ưa ưi ưu ươ ya
iê yê oai oao oay oeo uây uôi uya uyê uyu ươi ươu iêu yêu
""".split())
# Nuclei that end the syllable: a consonant final never follows them ('ai', 'ưa', 'ươi').
OPEN_NUCLEI = set("""
ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu ya
oai oao oay oeo uây uôi uya uyu ươi ươu iêu yêu
""".split())
BARE_NUCLEI = {unicodedata.normalize("NFD", n).encode("ascii", "ignore").decode() for n in NUCLEI}
# a bare nucleus is open only when every spelling of it is ('ua' is open, but 'uô' takes finals: 'nuoc')
BARE_OPEN_NUCLEI = BARE_NUCLEI - {unicodedata.normalize("NFD", n).encode("ascii", "ignore").decode()
                                  for n in NUCLEI - OPEN_NUCLEI}
_SYLLABLE = re.compile(
    "^(" + "|".join(INITIALS[:-1]) + ")?([" + VOWELS + "]+)(" + "|".join(FINALS[:-1]) + ")?$")


def is_syllable(word):
    """A Vietnamese syllable without its tone mark, e.g. 'nươc', 'khuyên', 'đương'."""
    match = _SYLLABLE.match(word)
    if not match:
        return False
    initial, nucleus, final = match.group(1) or "", match.group(2), match.group(3) or ""
    if initial == "g" and nucleus.startswith("i") and len(nucleus) > 1:
        nucleus = nucleus[1:]  # 'giường' is gi + ương
    # VNI and Telex typists often skip a shape key ('nuoc1' for nước): the folded nucleus must be Vietnamese
    nucleus = _bare(nucleus)
    if nucleus not in BARE_NUCLEI:
        return False
    return not (final and nucleus in BARE_OPEN_NUCLEI)


def _bare(vowels):
    return unicodedata.normalize("NFD", vowels).encode("ascii", "ignore").decode()


def place_tone(syllable, tone):
    """Put the tone mark where Vietnamese spelling puts it (the classic rule: hòa, thủy, người, khuyến)."""
    if not tone:
        return unicodedata.normalize("NFC", syllable)
    match = _SYLLABLE.match(syllable)
    initial, nucleus, final = match.group(1) or "", match.group(2), match.group(3) or ""
    if initial == "g" and nucleus.startswith("i") and len(nucleus) > 1:
        initial, nucleus = "gi", nucleus[1:]
    start = len(initial)
    shaped = [i for i, ch in enumerate(nucleus) if ch in "ăâêôơư"]
    if shaped:
        index = shaped[-1]  # ươ: on the ơ
    elif final:
        index = len(nucleus) - 1  # 'hoàn', 'tuyết'
    elif len(nucleus) == 3:
        index = 1  # 'oái', 'uỷu'
    else:
        index = 0  # 'hòa', 'thủy', 'mía'
    position = start + index
    marked = syllable[:position + 1] + tone + syllable[position + 1:]
    return unicodedata.normalize("NFC", marked)


def _shape_nucleus(word, shapes, after):
    """Apply a horn/breve/circumflex key typed after the vowel it shapes, e.g. 'nuocw' -> 'nươc'."""
    head = word[:after]
    vowels = [i for i, ch in enumerate(head) if ch in VOWELS]
    if not vowels:
        return None
    if shapes is HORN and len(vowels) >= 2 and head[vowels[-2]:vowels[-1] + 1] in ("uo", "ưo"):
        i, j = vowels[-2], vowels[-1]
        return head[:i] + "ươ" + head[j + 1:] + word[after:]
    for i in reversed(vowels):
        if head[i] in shapes:
            return head[:i] + shapes[head[i]] + head[i + 1:] + word[after:]
    return None


def decode_telex_word(word):
    """'nuowcs' -> 'nước', 'ddaauf' -> 'đầu'; None when the word does not read as Telex."""
    if not re.fullmatch(r"[a-z]+", word) or len(word) < 2:
        return None
    used_keys = False
    tone = None
    # the tone key: the last key typed after the nucleus ('nuowcs'), or right after it ('nuowsc')
    for index in range(len(word) - 1, 0, -1):
        key = word[index]
        if key in TELEX_TONES and any(ch in "aeiouy" for ch in word[:index]) and (
                index == len(word) - 1 or word[index + 1:] in FINALS):
            tone, word, used_keys = TELEX_TONES[key], word[:index] + word[index + 1:], True
            break
    for double, single_ in TELEX_DOUBLES.items():
        if double in word:
            word, used_keys = word.replace(double, single_), True
    while "w" in word:
        index = word.index("w")
        shaped = _shape_nucleus(word[:index] + word[index + 1:], HORN, index)
        if shaped is None:
            shaped = _shape_nucleus(word[:index] + word[index + 1:], BREVE, index)
        if shaped is None:
            # 'w' alone is ư ('tw' -> 'tư')
            shaped = word[:index] + "ư" + word[index + 1:]
        word, used_keys = shaped, True
    if not used_keys or not is_syllable(word):
        return None
    return place_tone(word, tone)


def decode_vni_word(word):
    """'nu7o7c1' / 'nuoc71' -> 'nước', 'd9a6u2' -> 'đầu'; None when the word does not read as VNI."""
    if not re.fullmatch(r"[a-z0-9]+", word) or not re.search(r"[0-9]", word) or not re.match(r"[a-z]", word):
        return None
    tone = None
    letters = ""
    for key in word:
        if key.isalpha():
            letters += key
        elif key == "9":
            if "d" not in letters:
                return None
            index = letters.rindex("d")
            letters = letters[:index] + "đ" + letters[index + 1:]
        elif key in VNI_SHAPES:
            shaped = _shape_nucleus(letters, VNI_SHAPES[key], len(letters))
            if shaped is None:
                return None
            letters = shaped
        elif key in VNI_TONES:
            if tone is not None or not any(ch in VOWELS for ch in letters):
                return None
            tone = VNI_TONES[key]
    if not is_syllable(letters):
        return None
    return place_tone(letters, tone)


def decode(query):
    """The query with every word that reads as Telex or VNI decoded ('nuowcs mawms' -> 'nước mắm'), or ''
    when no word does. Other words are kept as typed."""
    words = query.split()
    decoded, changed = [], False
    for word in words:
        lower = word.lower()
        vietnamese = decode_vni_word(lower) if any(ch.isdigit() for ch in lower) else decode_telex_word(lower)
        if vietnamese and vietnamese != lower:
            decoded.append(vietnamese)
            changed = True
        else:
            decoded.append(word)
    return " ".join(decoded) if changed else ""
