"""What a query may mean, before any backend matches it: the words as typed, the same words read as Telex or
VNI, and the synonyms of its words. Both backends match any of these alternatives and rank the words as typed
first, so understanding a query never loses what was literally asked for.

    alternatives("nuowcs mawms")  -> [nuowcs mawms, nước mắm]
    alternatives("keo lac")       -> [keo lac, keo đậu phộng]
    alternatives("quà Tết")       -> [quà Tết, quà biếu, …, (the gift groups)]
"""

import unicodedata
from dataclasses import dataclass

from storefront.ocop.text import fold

from . import synonyms, typing

# Enough for a query with a couple of known words; more would only slow the query down.
MAX_ALTERNATIVES = 8
# How much an alternative's match counts next to the words as typed.
WEIGHTS = {"literal": 1.0, "typing": 0.9, "synonym": 0.7}


@dataclass(frozen=True)
class Alternative:
    text: str  # the words to match ('' when the groups stand for all of them)
    groups: tuple[str, ...] = ()  # taxonomy codes (any level) the product must be in
    why: str = "literal"  # literal | typing | synonym

    @property
    def weight(self):
        return WEIGHTS[self.why]

    @property
    def folded(self):
        return fold(self.text)


def alternatives(q, *, exact=False):
    """The query's alternatives, the literal one first; only that one when `exact` (the buyer asked for these
    words and nothing else)."""
    q = " ".join((q or "").split())
    if not q:
        return []
    found = [Alternative(q)]
    if exact:
        return found
    decoded = typing.decode(q)
    if decoded:
        found.append(Alternative(decoded, why="typing"))
    table = synonyms.entries()
    for base in list(found):
        found.extend(expand(base.text, table))
    unique, seen = [], set()
    for alternative in found:
        key = (alternative.folded, alternative.groups)
        if key not in seen:
            seen.add(key)
            unique.append(alternative)
    return unique[:MAX_ALTERNATIVES]


def expand(text, table):
    """Alternatives that replace one known word or phrase of `text` by what it also means. A phrase typed
    with diacritics matches only with the same diacritics ('dừa' is coconut, not 'dứa'); one typed without
    them matches folded."""
    words = unicodedata.normalize("NFC", text).lower().split()
    folded_words = [fold(word) for word in words]
    found = []
    for entry in table:
        for term in entry.inputs:
            term_words = term.split()
            size = len(term_words)
            for start in range(len(words) - size + 1):
                span = words[start:start + size]
                typed_marks = any(not word.isascii() for word in span)
                same = span == term_words if typed_marks else folded_words[start:start + size] == [
                    fold(word) for word in term_words]
                if not same:
                    continue
                before, after = words[:start], words[start + size:]
                for output in entry.outputs:
                    found.append(Alternative(" ".join([*before, output, *after]), why="synonym"))
                if entry.groups:
                    found.append(Alternative(" ".join([*before, *after]), entry.groups, why="synonym"))
    return found
