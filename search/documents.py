"""The product as Elasticsearch indexes it, and how a Product becomes one.

The node has no analysis-common module (no asciifolding, no custom analyzers: see docs/search.md), so
Vietnamese is folded here in Python: every text is indexed twice, as written (`title`, standard analyzer) and
folded (`title_folded`: 'Nước mắm' -> 'nuoc mam'); queries search both and weigh the written form higher.
Certificate dates are indexed, not a computed badge, so a query decides the badge for its own day and an
expired badge disappears at midnight with no reindex.
"""

from types import SimpleNamespace

from elasticsearch.dsl import Boolean, Completion, Date, Document, Integer, Keyword, Long, Text
from oscar.core.loading import get_model

from storefront.ocop.text import fold

from . import english, matching

Product = get_model("catalogue", "Product")
LegacyProvince = get_model("ocop", "LegacyProvince")

# One shard: exact facet counts. Replicas are settings.SEARCH_REPLICAS, given when an index is created (indexing.py).
INDEX_SETTINGS = {"number_of_shards": 1}


class ProductDocument(Document):
    pk = Long()  # sorting on _id is disallowed: the tie-breaker needs a real field
    title = Text(fields={"sort": Keyword()})
    title_folded = Text()
    description = Text()
    # everything a buyer may type, folded: title, description, producer, places, classification names
    all_folded = Text()
    producer = Text()
    producer_type = Keyword()
    sector = Keyword()
    group = Keyword()
    group_path = Keyword()  # sector, group and product set codes: a filter on any level is one terms query
    product_set = Keyword()
    classification_names = Text()
    province = Keyword()
    province_names = Text()  # current name and the names of the provinces merged into it
    commune = Text()
    stars = Integer()
    issued_on = Date()
    valid_until = Date()
    revoked_on = Date()
    price = Long()
    available = Boolean()
    date_created = Date()
    image = Keyword(index=False)
    slug = Keyword(index=False)
    suggest = Completion(analyzer="simple")
    # English (search/english.py): stemmed in Python, as the node has no `english` analyzer
    title_english = Text()
    all_english = Text()

    class Index:
        settings = INDEX_SETTINGS


def indexable_products():
    """The products search shows."""
    return Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])


def legacy_names_by_province():
    names = {}
    for code, name in LegacyProvince.objects.values_list("successor__code", "name"):
        names.setdefault(code, []).append(name)
    return names


#: What a document reads from the product's own row and its certificate, as plain values.
PRODUCT_COLUMNS = (
    "pk", "title_vi", "title_en", "description_vi", "description_en", "story_vi", "story_en", "search_text",
    "slug", "date_created", "classification_id", "origin_province_id", "producer_id",
    "current_certificate__stars", "current_certificate__issued_on", "current_certificate__valid_until",
    "current_certificate__revoked_on",
)


def documents(queryset, chunk_size=2000):
    """(product id, the ProductDocument's source as a dict) for each product of `queryset`, streamed: the rows as
    plain values, and per chunk one query for stock records and one for images; taxonomy, provinces and producers
    are read once. No model instances, no per-product query: 50,000 products build in a few seconds."""
    lookups = _Lookups()
    rows = queryset.order_by().values(*PRODUCT_COLUMNS).iterator(chunk_size=chunk_size)
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == chunk_size:
            yield from _chunk_documents(chunk, lookups)
            chunk = []
    if chunk:
        yield from _chunk_documents(chunk, lookups)


class _Lookups:
    """The small tables every document reads, loaded once per run (producers as they are met)."""

    def __init__(self):
        TaxonomyNode = get_model("ocop", "TaxonomyNode")
        Province = get_model("ocop", "Province")
        self.nodes = {row["pk"]: SimpleNamespace(**row) for row in TaxonomyNode.objects.values(
            "pk", "code", "name_vi", "name_en", "parent_id")}
        self.provinces = {row["pk"]: SimpleNamespace(**row) for row in Province.objects.values(
            "pk", "code", "name_vi", "name_en")}
        self.legacy_names = legacy_names_by_province()
        self.producers = {}

    def chain(self, node_id):
        """The classification from sector down to the product's node."""
        chain = []
        while node_id is not None:
            node = self.nodes[node_id]
            chain.insert(0, node)
            node_id = node.parent_id
        return chain

    def load_producers(self, ids):
        Partner = get_model("partner", "Partner")
        missing = set(ids) - set(self.producers) - {None}
        for row in Partner.objects.filter(pk__in=missing).values("pk", "name", "legal_type", "commune__name"):
            self.producers[row["pk"]] = SimpleNamespace(**row)


def _chunk_documents(rows, lookups):
    StockRecord = get_model("partner", "StockRecord")
    ProductImage = get_model("catalogue", "ProductImage")
    ids = [row["pk"] for row in rows]
    lookups.load_producers(row["producer_id"] for row in rows)
    stock = {}
    for product_id, price, in_stock, allocated in StockRecord.objects.filter(product_id__in=ids).values_list(
            "product_id", "price", "num_in_stock", "num_allocated"):
        stock.setdefault(product_id, []).append((price, (in_stock or 0) > (allocated or 0)))
    images = {}
    for product_id, original in ProductImage.objects.filter(product_id__in=ids).order_by(
            "display_order", "pk").values_list("product_id", "original"):
        images.setdefault(product_id, original)
    for row in rows:
        yield row["pk"], _source(row, lookups, stock.get(row["pk"], []), images.get(row["pk"]))


def _source(row, lookups, stock, image):
    chain = lookups.chain(row["classification_id"])
    sector = chain[0] if chain else None
    group = chain[1] if len(chain) > 1 else None
    classification = chain[-1] if chain else None
    province = lookups.provinces.get(row["origin_province_id"])
    producer = lookups.producers.get(row["producer_id"])
    prices = [int(price) for price, _ in stock if price is not None]
    # the Vietnamese columns whatever the request's language (`title` reads the active one): translation.py
    title = row["title_vi"] or ""
    description = " ".join(part for part in (row["description_vi"], row["story_vi"]) if part)
    province_names = [province.name_vi, *lookups.legacy_names.get(province.code, [])] if province else []
    english_product = SimpleNamespace(title_en=row["title_en"], description_en=row["description_en"],
                                      story_en=row["story_en"])
    return {
        "pk": row["pk"],
        "title": title,
        "title_folded": fold(title),
        "description": description,
        # the words the database backend matches too (search/matching.py)
        "all_folded": " ".join(matching.words(row["search_text"], folded=True)),
        "producer": producer.name if producer else "",
        "producer_type": producer.legal_type if producer else None,
        "sector": sector.code if sector else None,
        "group": group.code if group else None,
        "group_path": [node.code for node in chain],
        "product_set": classification.code if classification else None,
        "classification_names": " ".join(node.name_vi or "" for node in chain),
        "province": province.code if province else None,
        "province_names": " ".join(province_names),
        "commune": (producer.commune__name or "") if producer else "",
        "stars": row["current_certificate__stars"],
        "issued_on": row["current_certificate__issued_on"],
        "valid_until": row["current_certificate__valid_until"],
        "revoked_on": row["current_certificate__revoked_on"],
        "price": min(prices) if prices else None,
        "available": any(available for _, available in stock),
        "date_created": row["date_created"],
        "image": image or None,
        "slug": row["slug"],
        "suggest": {"input": suggestion_inputs(title)},
        **english.document_fields(english_product, chain, province),
    }


def suggestion_inputs(title):
    """Autocomplete from the first letters of the title or of any later word in it, typed with or without
    diacritics: 'phu q' and 'mam' both propose 'Nước mắm Phú Quốc'."""
    words = fold(title).split()
    inputs = [" ".join(words[start:]) for start in range(len(words))]
    return list(dict.fromkeys([title.lower(), *inputs]))[:10]
