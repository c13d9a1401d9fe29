"""English queries on the English site's words: product names and descriptions, groups and provinces in English
(the `_en` columns, storefront/*/translation.py), matched with English stemming ('teas' finds tea).

The Elasticsearch node we can run has no analysis-common module, so no `english` analyzer (docs/search.md): the
text is analysed here, in Python, with the Snowball English stemmer (Porter2, the stemmer of Lucene's English
analyzer), indexed pre-stemmed and queried stemmed the same way. The database fallback uses PostgreSQL's
'english' text search configuration, or on SQLite a plain containment test per word.
"""

import functools
import re

import snowballstemmer
from django.apps import apps
from django.contrib.postgres.search import SearchQuery, SearchVector, SearchVectorExact, SearchVectorField
from django.db import connection
from django.db.models import Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from elasticsearch.dsl import Q as ElasticQ

from storefront.ocop.text import fold

# Lucene's English stop words (what its `english` analyzer drops)
STOP_WORDS = frozenset(
    "a an and are as at be but by for if in into is it no not of on or such that the their then there these "
    "they this to was will with".split()
)
_stemmer = snowballstemmer.stemmer("english")
_WORD = re.compile(r"\w+")

# The product's English columns a query reads, most telling first (the database fallback's weights A, B, C)
TITLE_COLUMN = "title_en"
TEXT_COLUMNS = ("description_en", "story_en")
NAME_COLUMNS = ("classification__name_en", "classification__parent__name_en", "origin_province__name_en")
QUERY_NAME = "english"  # the English clause's name in Elasticsearch's matched_queries


def words(text):
    """Folded English words without stop words or possessives: "Ba Chẽ's teas" -> ['ba', 'che', 'teas']."""
    found = (word.removesuffix("_") for word in _WORD.findall(fold(text or "").replace("'s ", " ")))
    return [word for word in found if word and word not in STOP_WORDS]


def analyse(text):
    """English text as indexed and queried: folded, stop words out, each word stemmed ('Teas' -> 'tea')."""
    return " ".join(stem(word) for word in words(text))


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """Snowball here is pure Python and a catalogue repeats its words: each word is stemmed once per process
    (indexing 50,000 products spent four fifths of its time stemming the same few hundred words)."""
    return _stemmer.stemWord(word)


# --- Elasticsearch -------------------------------------------------------------------------------------------
def document_fields(product, classification_chain, province):
    """The ProductDocument's English fields, from the `_en` columns whatever the request's language."""
    names = [node.name_en or "" for node in classification_chain]
    if province is not None:
        names.append(province.name_en or "")
    title = product.title_en or ""
    return {
        "title_english": analyse(title),
        "all_english": analyse(" ".join([title, product.description_en or "", product.story_en or "", *names])),
    }


def elastic_query(q):
    """Every English word of the query in the product's English text (stemmed); the title weighs most.
    None when the query has no English words left (only stop words, or nothing)."""
    terms = analyse(q)
    if not terms:
        return None
    return ElasticQ("bool",
                    must=[ElasticQ("match", all_english={"query": terms, "operator": "and"})],
                    should=[ElasticQ("match", title_english={"query": terms, "operator": "and", "boost": 4}),
                            ElasticQ("match_phrase", title_english={"query": terms, "boost": 4})],
                    boost=3, _name=QUERY_NAME)


def answered(response):
    """Whether English words found any of the response's hits (the English query is named in `matched_queries`)."""
    return any(QUERY_NAME in getattr(hit.meta, "matched_queries", ()) for hit in response.hits)


# --- the database fallback -----------------------------------------------------------------------------------
def database_filter(q):
    """Products whose English text has every English word of `q`, or None when `q` has no English words.
    PostgreSQL: the 'english' text search configuration (stemming); SQLite: each word or its stem contained."""
    query_words = words(q)
    if not query_words:
        return None
    if connection.vendor == "postgresql":
        return indexed_database_filter(query_words)
    condition = Q()
    for word in query_words:
        condition &= _contains(word) | _contains(stem(word))
    return condition


def indexed_database_filter(query_words):
    """PostgreSQL: every word in the product's own English text (the GIN index of search/migrations/0004) or in
    the English name of its product set, group or province (tiny tables, matched here first). The same products
    as one tsvector over all of these, but index lookups instead of a tsvector computed for every product (2.4 s
    for 50,000 products, and it kept the Vietnamese words' index from being used)."""
    TaxonomyNode = apps.get_model("ocop", "TaxonomyNode")
    Province = apps.get_model("ocop", "Province")

    def matching_names(model, word):
        named = model.objects.alias(words=SearchVector(Coalesce("name_en", Value(""), output_field=TextField()),
                                                       config="english"))
        return set(named.filter(words=SearchQuery(word, config="english")).values_list("pk", flat=True))

    parents = dict(TaxonomyNode.objects.values_list("pk", "parent_id"))
    condition = Q()
    for word in query_words:
        nodes = matching_names(TaxonomyNode, word)
        nodes |= {pk for pk, parent in parents.items() if parent in nodes}  # a product set under a matching group
        condition &= (Q(SearchVectorExact(ProductEnglish(), SearchQuery(word, config="english")))
                      | Q(classification_id__in=nodes) | Q(origin_province_id__in=matching_names(Province, word)))
    return condition


class ProductEnglish(RawSQL):
    """The product's own English text as a tsvector: the very expression of the GIN index
    `catalogue_product_english` (search/migrations/0004_english_words_index.py); change both together."""

    def __init__(self):
        super().__init__(ENGLISH_WORDS_SQL, [], output_field=SearchVectorField())


ENGLISH_WORDS_SQL = (
    "to_tsvector('english'::regconfig, COALESCE(\"catalogue_product\".\"title_en\", '') || ' ' || "
    "COALESCE(\"catalogue_product\".\"description_en\", '') || ' ' || COALESCE(\"catalogue_product\".\"story_en\", ''))"
)


def _contains(word):
    condition = Q()
    for column in (TITLE_COLUMN, *TEXT_COLUMNS, *NAME_COLUMNS):
        condition |= Q(**{f"{column}__icontains": word})
    return condition
