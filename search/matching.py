"""Which products a search's words match: decided here once, so Elasticsearch and the database find the same.

* The words of a product are the ASCII letters and digits of `Product.search_text` (folded: no diacritics, đ -> d;
  anything else separates words). Elasticsearch indexes exactly these words (`all_folded`); PostgreSQL splits the
  same text by the same rule into a tsvector (search/backends/database.py).
* A query is one or more alternatives (search/understanding.py: the words as typed, Telex/VNI read, synonyms,
  product groups). A product matches an alternative when it has every one of its words (and is in one of its
  groups, if it names any), and the query when it matches any alternative.
* A word the catalogue has (`search.SearchWord`) is taken as typed: "tra" finds trà, never tre or trang, and
  "kien giang" stays in Kiên Giang. A word it does not have, of three letters or more, matches the catalogue's
  words one edit away (a letter added, missing, changed, or two neighbours swapped), never in its first letter:
  "mamm" finds mắm, "quok" Quốc, "vnag" vàng (Elasticsearch's fuzziness AUTO:3 with prefix_length 1, but only
  for unknown words). The words are worked out here and handed to both backends as plain words, so they agree by
  construction. `exact` (the buyer asked for these words only) allows no edit.
"""

import re

from django.db.models import Q
from django.db.models.functions import Length
from oscar.core.loading import get_model
from rapidfuzz.distance import OSA

from storefront.ocop.text import fold

from . import understanding

WORD = re.compile(r"[a-z0-9]+")
TYPO_MIN_LENGTH = 3
TYPO_MAX_EDITS = 1
#: As Elasticsearch's max_expansions: a word never stands for more other words than this.
MAX_NEIGHBOURS = 50


def words(text, folded=False):
    """'Nước mắm Phú Quốc 40°N' -> ['nuoc', 'mam', 'phu', 'quoc', '40', 'n']. `folded`: the text already is
    (Product.search_text), so it is not folded again."""
    return WORD.findall((text or "") if folded else fold(text or ""))


def understood(q, exact=False):
    """[(alternative, slots)]: each of the query's alternatives (search/understanding.py) with the words that
    satisfy each of its words (a slot: the word and, unless `exact`, its typos). An alternative with no words
    stands only when it names product groups ('quà Tết'); words that fold to nothing match nothing."""
    alternatives = understanding.alternatives(q, exact=exact)
    phrases = [tuple(dict.fromkeys(words(alternative.text))) for alternative in alternatives]
    expanded = expand({word for phrase in phrases for word in phrase}, exact=exact)
    return [(alternative, tuple(expanded[word] for word in phrase))
            for alternative, phrase in zip(alternatives, phrases) if phrase or alternative.groups]


def expand(query_words, exact=False):
    """{word: the words it matches}: itself, and when the catalogue does not have it (and not `exact`) the
    catalogue's words one edit away."""
    guessable = [] if exact else sorted(word for word in query_words if len(word) >= TYPO_MIN_LENGTH)
    expanded = {word: frozenset([word]) for word in query_words}
    if not guessable:
        return expanded
    SearchWord = get_model("search", "SearchWord")
    condition = Q()
    for word in guessable:
        # the first letter is kept and one edit changes the length by one at most: a prefix scan of the
        # vocabulary's trigram index, then the exact edit distance below
        condition |= Q(word__startswith=word[0], length__range=(len(word) - TYPO_MAX_EDITS,
                                                                 len(word) + TYPO_MAX_EDITS))
    candidates = set(SearchWord.objects.alias(length=Length("word")).filter(condition)
                     .values_list("word", flat=True))
    for word in guessable:
        if word in candidates:
            continue  # a word the catalogue has is taken as typed: 'kien giang' is not 'khen giang'
        near = []
        for other in candidates:
            if other[0] == word[0] and other != word:
                distance = OSA.distance(word[1:], other[1:], score_cutoff=TYPO_MAX_EDITS)
                if distance <= TYPO_MAX_EDITS:
                    near.append((distance, other))
        expanded[word] = frozenset([word, *(other for _, other in sorted(near)[:MAX_NEIGHBOURS])])
    return expanded
