"""'Did you mean' for a backend without a suggester of its own (the database): each word of the query that the
catalogue does not have (search.SearchWord) is replaced by the closest word it has, at most two edits away and
never in the first letter, as Elasticsearch's term suggester does ('onggg' -> 'ong'). Asked only when a query
found nothing, after the one-edit typo allowance (search/matching.py) already failed."""

from django.db.models import Q
from django.db.models.functions import Length
from oscar.core.loading import get_model
from rapidfuzz.distance import OSA

from . import matching

MAX_EDITS = 2


def did_you_mean(q):
    """The query, folded, with its unknown words corrected; '' when no word needed (or found) a correction."""
    SearchWord = get_model("search", "SearchWord")
    words = matching.words(q)
    unknown = [word for word in words if len(word) >= matching.TYPO_MIN_LENGTH]
    if not unknown:
        return ""
    condition = Q()
    for word in unknown:
        condition |= Q(word__startswith=word[0], length__range=(len(word) - MAX_EDITS, len(word) + MAX_EDITS))
    known = set(SearchWord.objects.alias(length=Length("word")).filter(condition).values_list("word", flat=True))
    corrected, changed = [], False
    for word in words:
        if word in known or word not in unknown:
            corrected.append(word)
            continue
        near = sorted((OSA.distance(word[1:], other[1:]), len(other), other)
                      for other in known if other[0] == word[0])
        near = [candidate for candidate in near if candidate[0] <= MAX_EDITS]
        if near:
            corrected.append(near[0][2])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else ""
