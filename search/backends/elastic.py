"""Search with Elasticsearch 8: Vietnamese with or without diacritics, typos, facets with exact counts.

Facets follow FacetedSearch's design: the selected values filter the hits through a post_filter, and each
facet's aggregation applies the filters of the *other* facets only, so a facet's counts say what choosing one
more of its values would add. The badge (and so the stars facet and filter) is decided for the query's day
from the indexed certificate dates.
"""

import math

from elasticsearch.dsl import Q, Search
from oscar.core.loading import get_model

from storefront.ocop.models import today
from storefront.ocop.text import fold

from .. import english, facets, indexing, matching
from ..params import PRICE_BANDS, price_band
from .base import SearchResults
from .database import DatabaseBackend

Product = get_model("catalogue", "Product")

TEXT_FIELDS_EXACT = ["title^6", "producer^2", "province_names^2", "classification_names^2", "description"]
TEXT_FIELDS_FOLDED = ["title_folded^4", "all_folded"]


def badge_query(day):
    """Documents whose certificate shows a badge on `day` (same rule as rules.status_on / ocop.models.badge_q)."""
    day = day.isoformat()
    return Q("bool", filter=[Q("range", issued_on={"lte": day}), Q("range", valid_until={"gte": day})],
             must_not=[Q("range", revoked_on={"lte": day})])


class ElasticBackend:
    name = "elasticsearch"

    def search(self, params, *, per_page, day=None):
        day = day or today()
        filters = self.filters(params, day)
        text = self.text_query(params.q, params.exact)
        by_stars = params.sort == "stars" or (params.sort == "relevance" and not params.q)
        search = Search(using=indexing.client(), index=indexing.alias()).query(
            self.stars_today(text, day) if by_stars else text)
        post = [query for query in filters.values() if query is not None]
        if post:
            search = search.post_filter(Q("bool", filter=post))
        self.add_aggregations(search, filters, day)
        search = self.sort(search, params, day)
        if params.q:
            search = search.suggest("did_you_mean", fold(params.q), term={"field": "all_folded",
                                                                           "suggest_mode": "popular",
                                                                           "min_word_length": 3})
        page = params.page
        response = search[(page - 1) * per_page:page * per_page].source(False).extra(track_total_hits=True).execute()
        total = response.hits.total.value
        num_pages = max(1, math.ceil(total / per_page))
        if page > num_pages:  # past the end: show the last page, as the database backend does
            page = num_pages
            response = search[(page - 1) * per_page:page * per_page].source(False).extra(
                track_total_hits=True).execute()
        ids = [int(hit.meta.id) for hit in response.hits]
        results = SearchResults(total=total, products=self.load(ids), page=page, num_pages=num_pages,
                                per_page=per_page, facets=self.facets(response.aggregations, params),
                                backend=self.name)
        # the suggester knows the Vietnamese words only: an English query that found its products needs no correction
        results.did_you_mean = "" if english.answered(response) else self.did_you_mean(response, params.q)
        return results

    # --- the query ----------------------------------------------------------------------------------------
    def text_query(self, q, exact=False):
        """Any of the query's alternatives (search/understanding.py) matches; the words as typed weigh most."""
        if not q:
            return Q("match_all")
        alternatives = [self.alternative_query(alternative, slots)
                        for alternative, slots in matching.understood(q, exact=exact)]
        in_english = english.elastic_query(q)  # English words on the English text, stemmed
        should = [*alternatives, *([in_english] if in_english else [])]
        if not should:  # words that fold to nothing ('°°') match nothing, as on the database
            return Q("match_none")
        return Q("bool", should=should, minimum_should_match=1)

    def alternative_query(self, alternative, slots):
        """`slots`: per word of the alternative, the indexed words that satisfy it (search/matching.py: the
        word and its typos, the same words the database backend matches)."""
        if not slots:  # the words stood for whole product groups ('quà Tết')
            return Q("constant_score", filter=Q("terms", group_path=list(alternative.groups)),
                     boost=alternative.weight)
        text, folded = alternative.text, alternative.folded
        groups = [Q("terms", group_path=list(alternative.groups))] if alternative.groups else []
        return Q("bool",
                 # every syllable must be there, folded, or one of its typos
                 filter=[*(Q("terms", all_folded=sorted(slot)) for slot in slots), *groups],
                 should=[
                     # as typed: diacritics that match exactly weigh most
                     Q("multi_match", query=text, fields=TEXT_FIELDS_EXACT, type="best_fields", boost=3),
                     Q("match_phrase", title={"query": text, "boost": 4}),
                     # exact syllables rank above the ones a typo allowance reached
                     Q("match", all_folded={"query": folded, "operator": "and", "boost": 2}),
                     Q("multi_match", query=folded, fields=TEXT_FIELDS_FOLDED, type="best_fields"),
                     Q("match_phrase", title_folded={"query": folded, "boost": 2}),
                     # the syllables side by side anywhere ('hai duong' the province, not 'hái' … 'đường')
                     Q("match_phrase", all_folded={"query": folded, "boost": 2}),
                 ],
                 boost=alternative.weight)

    def filters(self, params, day):
        """One query per facet (None when nothing is selected in it)."""
        def terms(field, values):
            return Q("terms", **{field: list(values)}) if values else None

        price = None
        if params.price:
            price = Q("bool", should=[Q("range", price=band_range(key)) for key in params.price],
                      minimum_should_match=1)
        stars = None
        if params.stars:
            stars = Q("bool", filter=[badge_query(day), Q("terms", stars=list(params.stars))])
        return {
            "group": terms("group_path", params.group),
            "province": terms("province", params.province),
            "stars": stars,
            "price": price,
            "producer_type": terms("producer_type", params.producer_type),
        }

    def add_aggregations(self, search, filters, day):
        def others(name, *extra):
            clauses = [query for key, query in filters.items() if key != name and query is not None]
            return Q("bool", filter=[*clauses, *extra])

        search.aggs.bucket("group", "filter", filter=others("group")).bucket(
            "values", "terms", field="group", size=500)
        search.aggs.bucket("province", "filter", filter=others("province")).bucket(
            "values", "terms", field="province", size=500)
        search.aggs.bucket("stars", "filter", filter=others("stars", badge_query(day))).bucket(
            "values", "terms", field="stars", size=10)
        search.aggs.bucket("price", "filter", filter=others("price")).bucket(
            "values", "range", field="price", keyed=True,
            ranges=[{"key": key, **band_range(key, "from", "to")} for key in PRICE_BANDS])
        search.aggs.bucket("producer_type", "filter", filter=others("producer_type")).bucket(
            "values", "terms", field="producer_type", size=20)

    def sort(self, search, params, day):
        tie = [{"title.sort": "asc"}, {"pk": "asc"}]
        if params.sort == "price_asc":
            return search.sort({"price": {"order": "asc", "missing": "_last"}}, *tie)
        if params.sort == "price_desc":
            return search.sort({"price": {"order": "desc", "missing": "_last"}}, *tie)
        if params.sort == "newest":
            return search.sort({"date_created": "desc"}, {"pk": "desc"})
        # relevance, or stars (the query then scores by stars_today)
        return search.sort("_score", *tie)

    def stars_today(self, query, day):
        """Score = the stars of the badge showing on `day` (0.5 without one). The node has no scripting
        module, so a function_score of filters stands in for a computed sort key."""
        return Q("function_score", query=query, boost_mode="replace", score_mode="max",
                 functions=[{"filter": Q("bool", filter=[badge_query(day), Q("term", stars=n)]), "weight": n}
                            for n in (3, 4, 5)] + [{"weight": 0.5}])

    # --- the answer ---------------------------------------------------------------------------------------
    def load(self, ids):
        products = DatabaseBackend().with_listing_relations(Product.objects.filter(pk__in=ids))
        by_id = {product.pk: product for product in products}
        return [by_id[pk] for pk in ids if pk in by_id]

    def facets(self, aggregations, params):
        def counts(name):
            return {str(bucket.key): bucket.doc_count for bucket in aggregations[name]["values"].buckets}

        price_buckets = aggregations["price"]["values"].buckets.to_dict()
        return [
            facets.group_facet(counts("group"), params),
            facets.province_facet(counts("province"), params),
            facets.stars_facet({int(key): n for key, n in counts("stars").items()}, params),
            facets.price_facet({key: price_buckets[key]["doc_count"] for key in PRICE_BANDS}, params),
            facets.producer_type_facet(counts("producer_type"), params),
        ]

    def did_you_mean(self, response, q):
        """The query with each unknown word replaced by the most frequent indexed word close to it."""
        if not q or getattr(response, "suggest", None) is None:
            return ""
        words, changed = [], False
        for entry in response.suggest.did_you_mean:
            if entry.options:
                words.append(entry.options[0].text)
                changed = True
            else:
                words.append(entry.text)
        return " ".join(words) if changed else ""

    # --- autocomplete -------------------------------------------------------------------------------------
    def suggest_products(self, prefix, size=6):
        search = Search(using=indexing.client(), index=indexing.alias()).source(["title", "slug"])
        search = search.suggest("products", fold(prefix), completion={"field": "suggest", "size": size,
                                                                      "skip_duplicates": True})
        response = search.execute()
        return [(int(option._id), option._source.title, option._source.slug)
                for option in response.suggest.products[0].options]


def band_range(key, low_name="gte", high_name="lt"):
    low, high = price_band(key)
    bounds = {low_name: low}
    if high is not None:
        bounds[high_name] = high
    return bounds
