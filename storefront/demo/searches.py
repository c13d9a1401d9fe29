"""Plausible past searches for the insight page's search section (`load_demo --searches N`).

What buyers type on an OCOP marketplace: the programme's staples (tea, honey, fish sauce, coffee, rice), the same
words without diacritics or with a typo, some English, and things the catalogue does not sell (durian, lobster,
perfume…). Each distinct query is searched once for real on the site's search backend, so its result count and
spelling correction are what a buyer would have got; the N records are then spread over the 12 months before the
demo's today (more before Tết, as the orders), and about half the searches that found something led to a click
on one of the first results. Nothing personal, as in real records. Runs once: it adds nothing when the site
already has search records.
"""

import random
from datetime import datetime, time, timedelta
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import timezone

from search.interface import parse_params, run_search
from search.models import SearchClick, SearchRecord
from search.records import folded
from storefront.ocop.lunar import tet

DAYS = 365
# (query as typed, weight): staples first, then folded and mistyped forms, English, and what the shop lacks
QUERIES = [
    ("trà", 40), ("mật ong", 32), ("nước mắm", 28), ("cà phê", 24), ("gạo", 18), ("bưởi", 14), ("yến sào", 10),
    ("rượu", 10), ("gốm", 8), ("miến dong", 6), ("chè thái nguyên", 9), ("hạt điều", 8), ("quà tết", 12),
    ("tra", 14), ("mat ong", 12), ("nuoc mam", 12), ("ca phe", 9), ("nuoc mamm", 4), ("mat ongg", 3),
    ("caf phee", 2), ("honey", 5), ("fish sauce", 4), ("tea", 5), ("coffee", 3),
    ("sầu riêng", 9), ("tôm hùm", 6), ("nước hoa", 4), ("sữa chua", 5), ("bánh pía", 7), ("kẹo dừa", 4),
    ("vải thiều sấy", 5), ("nấm linh chi", 6), ("trứng vịt muối", 4), ("rượu vang", 3), ("bánh chưng", 6),
    ("điện thoại", 3), ("phân bón", 2),
]
CLICK_SHARE = 0.5


def searched(query):
    """(results, correction, backend, first page's product ids) of a search for `query` now, as the search page
    would record it."""
    results = run_search(parse_params(QueryDict(urlencode({"q": query}))))
    return results.total, results.corrected_query or "", results.backend, [p.pk for p in results.products]


def moment(rng, today, tets):
    """A time in the DAYS before today, weighted three to one towards the five weeks before a Tết."""
    while True:
        day = today - timedelta(days=rng.randrange(1, DAYS + 1))
        before_tet = any(timedelta(0) <= festival - day <= timedelta(days=35) for festival in tets)
        if before_tet or rng.random() < 1 / 3:
            at = datetime.combine(day, time(rng.randrange(7, 23), rng.randrange(60)))
            return timezone.make_aware(at)


def add_demo_searches(count, today, *, stdout=None, seed=2027):
    """Add `count` search records (and their clicks) unless the site has some already; returns how many."""
    if count <= 0 or SearchRecord.objects.exists():
        return 0
    rng = random.Random(seed)
    outcome = {query: searched(query) for query, _weight in QUERIES}
    tets = [tet(year) for year in (today.year - 1, today.year, today.year + 1)]
    chosen = rng.choices([query for query, _ in QUERIES], weights=[weight for _, weight in QUERIES], k=count)
    made = SearchRecord.objects.bulk_create(
        SearchRecord(query=query, folded=folded(query), results=outcome[query][0],
                     corrected_to=outcome[query][1], filters=rng.choice([[], [], [], ["province"], ["stars"]]),
                     backend=outcome[query][2], source="page", searched_at=moment(rng, today, tets))
        for query in chosen)
    clicks = []
    for record in made:
        shown = outcome[record.query][3]
        if shown and rng.random() < CLICK_SHARE:
            position = min(rng.choice((1, 1, 1, 2, 2, 3, 4, 6)), len(shown))
            clicks.append(SearchClick(record=record, product_id=shown[position - 1], position=position,
                                      clicked_at=record.searched_at + timedelta(seconds=rng.randrange(3, 90))))
    SearchClick.objects.bulk_create(clicks)
    if stdout:
        stdout.write(f"Demo searches: {len(made)} searches, {len(clicks)} results opened, "
                     f"{sum(1 for record in made if not record.results)} found nothing.")
    return len(made)

