"""Search from the database: what `make demo` uses, and the fallback when Elasticsearch is unavailable.

Both backends match the same words (search/matching.py: the folded words of `Product.search_text`, one typo
allowed in words of three letters or more) and count the same facets, so a page does not change when the node
goes away. On PostgreSQL the words are a full-text match (a GIN index on the text's tsvector, a 'simple'
configuration with unaccent: docs/search.md) and the facets and the total come from one query; on SQLite
(`make demo`) each word is a LIKE on the folded text. Each facet's counts apply the filters of the *other*
facets, as the Elasticsearch backend does.
"""

import math
import operator
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorExact, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, F, FloatField, Func, Min, OuterRef, Q, Subquery, Value, When
from oscar.core.loading import get_model

from storefront.ocop.models import badge_q, today
from storefront.ocop.text import fold

from .. import english, facets, matching
from ..params import PRICE_BANDS, price_band
from .base import SearchResults

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

#: facet name -> the column of the facet query's rows it counts (see `facet_counts`)
FACET_COLUMNS = {"group": "grp", "province": "prov", "stars": "stars", "price": "band", "producer_type": "ptype"}


class ProductWords(Func):
    """The words of Product.search_text as a tsvector, split as search/matching.py splits them. The very
    expression of the GIN index `catalogue_product_search_words` (search/migrations/0003_database_search.py):
    change both together, or the index no longer serves the search."""

    template = "to_tsvector('vi_folded'::regconfig, regexp_replace(%(expressions)s, '[^a-z0-9]+', ' ', 'g'))"
    output_field = SearchVectorField()


#: What being in a group the query's words stand for ('quà Tết': the gift groups) adds to a product's rank: as
#: much as the query's words side by side in a description, less than them in a title.
GROUP_RANK = 0.1


class TitleWords(Func):
    """The words of a product's title, folded by the 'vi_folded' configuration (unaccent): for ranking only."""

    template = "to_tsvector('vi_folded'::regconfig, COALESCE(%(expressions)s, ''))"
    output_field = SearchVectorField()


class Weighted(Func):
    template = "setweight(%(expressions)s, '%(weight)s')"
    output_field = SearchVectorField()


class Joined(Func):
    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = SearchVectorField()


class DatabaseBackend:
    name = "database"

    def base_queryset(self):
        return Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])

    def lowest_price(self):
        """The lowest price as a scalar subquery (not an aggregate) so it filters without a GROUP BY."""
        return Subquery(StockRecord.objects.filter(product=OuterRef("pk")).values("product")
                        .annotate(low=Min("price")).values("low"))

    def search(self, params, *, per_page, day=None):
        day = day or today()
        badge = badge_q(day)
        hits = self.base_queryset()
        if params.q:
            hits = hits.filter(self.understood_filter(params.q, params.exact))
        total, counts = self.facet_counts(hits, params, badge)
        num_pages = max(1, math.ceil(total / per_page))
        page = min(params.page, num_pages)
        matching = hits.alias(min_price=self.lowest_price()).filter(*self.selection_filters(params, badge))
        ordered = self.order(matching, params, badge)
        start = (page - 1) * per_page
        products = list(self.with_listing_relations(ordered)[start:start + per_page]) if total else []
        facet_list = [
            facets.group_facet(counts["group"], params),
            facets.province_facet(counts["province"], params),
            facets.stars_facet({int(key): n for key, n in counts["stars"].items()}, params),
            facets.price_facet(counts["price"], params),
            facets.producer_type_facet(counts["producer_type"], params),
        ]
        return SearchResults(total=total, products=products, page=page, num_pages=num_pages,
                             per_page=per_page, facets=facet_list, backend=self.name)

    def with_listing_relations(self, queryset):
        """What a listing card and the API read, fetched in a fixed number of queries."""
        # Oscar's base_queryset: product class, option flags, stock records and images, so a card costs no query
        return (queryset.base_queryset()
                .select_related("current_certificate", "origin_province", "producer",
                                "classification__parent__parent"))

    # --- the words -----------------------------------------------------------------------------------------
    def understood_filter(self, q, exact=False):
        """Any of the query's alternatives (search/understanding.py: as typed, Telex/VNI, synonyms) matches,
        each word widened to its typos (search/matching.py); or the English words, on the English text."""
        conditions, plain = [], []
        for alternative, slots in matching.understood(q, exact=exact):
            if alternative.groups:
                conditions.append(self.words_filter([slots]) & understanding_groups_q(alternative.groups))
            else:
                plain.append(slots)
        if plain:
            conditions.append(self.words_filter(plain))
        in_english = english.database_filter(q)  # English words on the English text, stemmed
        if in_english is not None:
            conditions.append(in_english)
        # words that fold to nothing match nothing, as on Elasticsearch
        return reduce(operator.or_, conditions) if conditions else Q(pk__in=[])

    def words_filter(self, alternatives):
        """Products with every slot of some alternative (a slot: any of its words). No slots: every product."""
        if any(not slots for slots in alternatives):
            return Q()
        if connection.vendor == "postgresql":
            # one tsquery for every alternative: (a & (b | c)) | (d & e); the words are [a-z0-9]+ only
            tsquery = " | ".join(
                "(" + " & ".join("(" + " | ".join(sorted(slot)) + ")" for slot in slots) + ")"
                for slots in alternatives)
            return Q(SearchVectorExact(ProductWords("search_text"),
                                       SearchQuery(tsquery, search_type="raw", config="vi_folded")))
        # SQLite: each word somewhere in the folded text
        return reduce(operator.or_, (
            reduce(operator.and_, (reduce(operator.or_, (Q(search_text__contains=word) for word in sorted(slot)))
                                   for slot in slots))
            for slots in alternatives))

    def suggest_products(self, prefix, size=6):
        """Autocomplete from the database: titles with a word starting with what was typed."""
        folded = fold(prefix)
        candidates = (self.base_queryset().filter(search_text__contains=folded).order_by("title")
                      .values_list("pk", "title", "slug")[:size * 10])
        found = []
        for pk, title, slug in candidates:
            words = fold(title).split()
            if any(" ".join(words[i:]).startswith(folded) for i in range(len(words))):
                found.append((pk, title, slug))
        return found[:size]

    # --- the facets' selections ------------------------------------------------------------------------------
    def selection_filters(self, params, badge):
        """The selected facet values as ORM filters, for the page of results."""
        return [
            self.group_filter(params.group),
            Q(origin_province__code__in=params.province) if params.province else Q(),
            (badge & Q(current_certificate__stars__in=params.stars)) if params.stars else Q(),
            self.price_filter(params.price),
            Q(producer__legal_type__in=params.producer_type) if params.producer_type else Q(),
        ]

    def group_filter(self, codes):
        condition = Q()
        for code in codes:
            condition |= Q(classification__code__startswith=f"{code}.")
        return condition

    def price_filter(self, bands):
        condition = Q()
        for key in bands:
            condition |= band_q(key)
        return condition

    def facet_counts(self, hits, params, badge):
        """(total, {facet: {key: count}}) in one query. The text's hits are computed once (a CTE, their lowest
        price included) and each facet is a GROUP BY over them counting the rows that pass the *other* facets'
        selections; the total passes them all."""
        rows = hits.values(
            prov=F("origin_province__code"), pset=F("classification__code"), grp=F("classification__parent__code"),
            stars=Case(When(badge, then=F("current_certificate__stars")), default=None),
            ptype=F("producer__legal_type"), price=self.lowest_price(),
        )
        try:
            rows_sql, rows_params = rows.query.sql_with_params()
        except EmptyResultSet:  # a condition that can match nothing
            return 0, {name: {} for name in FACET_COLUMNS}
        band = " ".join(
            f"WHEN price >= {low}" + (f" AND price < {high}" if high is not None else "") + f" THEN '{key}'"
            for key, (low, high) in ((key, price_band(key)) for key in PRICE_BANDS))
        selected = self.selected_sql(params)

        def passing(excluded):
            parts = [(sql, values) for name, (sql, values) in selected.items() if name != excluded]
            sql = " AND ".join(sql for sql, _ in parts) or "1 = 1"
            return f"SUM(CASE WHEN {sql} THEN 1 ELSE 0 END)", [value for _, values in parts for value in values]

        branches, branch_params = [], []
        total_sql, total_params = passing(None)
        branches.append(f"SELECT 'total' AS facet, CAST(NULL AS TEXT) AS key, {total_sql} AS n FROM banded")
        branch_params += total_params
        for name, column in FACET_COLUMNS.items():
            count_sql, count_params = passing(name)
            branches.append(f"SELECT '{name}', CAST({column} AS TEXT), {count_sql} FROM banded "
                            f"WHERE {column} IS NOT NULL GROUP BY {column}")
            branch_params += count_params
        sql = (f"WITH hits AS ({rows_sql}), banded AS (SELECT *, CASE {band} END AS band FROM hits) "
               + " UNION ALL ".join(branches))
        counts = {name: {} for name in FACET_COLUMNS}
        total = 0
        with connection.cursor() as cursor:
            cursor.execute(sql, [*rows_params, *branch_params])
            for facet, key, n in cursor.fetchall():
                if facet == "total":
                    total = int(n or 0)
                elif n:
                    counts[facet][key] = int(n)
        return total, counts

    def selected_sql(self, params):
        """{facet: (SQL condition on the facet query's rows, parameters)} for the facets with a selection."""
        def one_of(column, values):
            return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)

        selected = {}
        if params.group:
            selected["group"] = ("(" + " OR ".join(["pset LIKE %s"] * len(params.group)) + ")",
                                 [f"{code}.%" for code in params.group])
        for name, values in (("province", params.province), ("stars", params.stars), ("price", params.price),
                             ("producer_type", params.producer_type)):
            if values:
                selected[name] = one_of(FACET_COLUMNS[name], values)
        return selected

    # --- the order -----------------------------------------------------------------------------------------
    def order(self, queryset, params, badge):
        if params.sort in ("price_asc", "price_desc"):
            price = F("min_price").asc(nulls_last=True) if params.sort == "price_asc" else F("min_price").desc(
                nulls_last=True)
            return queryset.order_by(price, "title", "pk")
        if params.sort == "newest":
            return queryset.order_by("-date_created", "-pk")
        # relevance and stars: certified products first, more stars first, then title
        # the stars only count while the badge shows
        badge_stars = Case(When(badge, then=F("current_certificate__stars")), default=Value(0))
        queryset = queryset.annotate(badge_stars=badge_stars)
        relevance = self.relevance(params.q, params.exact) if params.sort == "relevance" and params.q else None
        if relevance is not None:
            # words matched in the title, and side by side, first (search/understanding.py's ranking on PostgreSQL)
            return queryset.annotate(relevance=relevance).order_by("-relevance", "-badge_stars", "title", "pk")
        return queryset.order_by("-badge_stars", "title", "pk")

    def relevance(self, q, exact=False):
        """PostgreSQL: how well a product matches the query, for ordering the hits (None elsewhere: SQLite orders
        by stars). The sum of: the rank of any alternative's words, typos included, the title's words weighing
        most (weights A and D) and words side by side more (cover density: 'kho ca loc' in a title over the
        same three words scattered over the producer's name and the group); the same rank for the words as
        written, so 'rượu ngô' (the synonym, exact) passes 'rượu bàu' (a typo of 'bắp'); and GROUP_RANK for a
        product of the groups a query's words stand for ('quà Tết')."""
        understood = matching.understood(q, exact=exact)
        if not understood or connection.vendor != "postgresql":
            return None
        words = Joined(Weighted(TitleWords("title_vi"), weight="A"), Weighted(ProductWords("search_text"), weight="D"))

        def rank(alternatives):
            tsquery = " | ".join("(" + " & ".join("(" + " | ".join(sorted(slot)) + ")" for slot in slots) + ")"
                                 for slots in alternatives)
            return SearchRank(words, SearchQuery(tsquery, search_type="raw", config="vi_folded"), cover_density=True)

        with_typos = [slots for _, slots in understood if slots]
        as_written = [[{word} for word in matching.words(alternative.text)] for alternative, slots in understood if slots]
        terms = [rank(with_typos), rank(as_written)] if with_typos else []
        for alternative, _ in understood:
            if alternative.groups:
                terms.append(Case(When(understanding_groups_q(alternative.groups), then=Value(GROUP_RANK)),
                                  default=Value(0.0), output_field=FloatField()))
        return reduce(operator.add, terms) if terms else None


def understanding_groups_q(codes):
    """Products classified under any of `codes` (sector, group or product set)."""
    condition = Q()
    for code in codes:
        condition |= Q(classification__code=code) | Q(classification__code__startswith=f"{code}.")
    return condition


def band_q(key):
    low, high = price_band(key)
    condition = Q(min_price__gte=low)
    if high is not None:
        condition &= Q(min_price__lt=high)
    return condition
