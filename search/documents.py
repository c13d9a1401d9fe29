"""The product as Elasticsearch indexes it, and how a Product becomes one.

The node has no analysis-common module (no asciifolding, no custom analyzers: see docs/search.md), so
Vietnamese is folded here in Python: every text is indexed twice, as written (`title`, standard analyzer) and
folded (`title_folded`: 'Nước mắm' -> 'nuoc mam'); queries search both and weigh the written form higher.
Certificate dates are indexed, not a computed badge, so a query decides the badge for its own day and an
expired badge disappears at midnight with no reindex.
"""

from elasticsearch.dsl import Boolean, Completion, Date, Document, Integer, Keyword, Long, Text
from oscar.core.loading import get_model

from storefront.ocop.text import fold

Product = get_model("catalogue", "Product")
LegacyProvince = get_model("ocop", "LegacyProvince")

INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0}  # one shard: exact facet counts


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

    class Index:
        settings = INDEX_SETTINGS


def indexable_products():
    """The products search shows, with everything serialisation reads fetched up front."""
    return (
        Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])
        .select_related("classification__parent__parent", "origin_province", "producer__commune",
                        "current_certificate")
        .prefetch_related("images", "stockrecords")
    )


def legacy_names_by_province():
    names = {}
    for code, name in LegacyProvince.objects.values_list("successor__code", "name"):
        names.setdefault(code, []).append(name)
    return names


def to_document(product, legacy_names=None):
    """A Product -> ProductDocument; `legacy_names` is legacy_names_by_province(), passed in bulk runs."""
    legacy_names = legacy_names if legacy_names is not None else legacy_names_by_province()
    classification = product.classification
    chain = []
    node = classification
    while node is not None:
        chain.insert(0, node)
        node = node.parent
    sector = chain[0] if chain else None
    group = chain[1] if len(chain) > 1 else None
    province = product.origin_province
    producer = product.producer
    certificate = product.current_certificate
    stockrecords = list(product.stockrecords.all())
    prices = [int(record.price) for record in stockrecords if record.price is not None]
    images = list(product.images.all())
    description = " ".join(part for part in (product.description, product.story) if part)
    province_names = [province.name, *legacy_names.get(province.code, [])] if province else []
    commune = producer.commune.name if producer and producer.commune else ""
    classification_names = [item.name for item in chain]
    everything = " ".join([product.title, description, producer.name if producer else "", *province_names,
                           commune, *classification_names])
    return ProductDocument(
        meta={"id": product.pk},
        pk=product.pk,
        title=product.title,
        title_folded=fold(product.title),
        description=description,
        all_folded=fold(everything),
        producer=producer.name if producer else "",
        producer_type=producer.legal_type if producer else None,
        sector=sector.code if sector else None,
        group=group.code if group else None,
        group_path=[item.code for item in chain],
        product_set=classification.code if classification else None,
        classification_names=" ".join(classification_names),
        province=province.code if province else None,
        province_names=" ".join(province_names),
        commune=commune,
        stars=certificate.stars if certificate else None,
        issued_on=certificate.issued_on if certificate else None,
        valid_until=certificate.valid_until if certificate else None,
        revoked_on=certificate.revoked_on if certificate else None,
        price=min(prices) if prices else None,
        available=any((record.num_in_stock or 0) > (record.num_allocated or 0) for record in stockrecords),
        date_created=product.date_created,
        image=images[0].original.name if images else None,
        slug=product.slug,
        suggest={"input": suggestion_inputs(product.title)},
    )


def suggestion_inputs(title):
    """Autocomplete from the first letters of the title or of any later word in it, typed with or without
    diacritics: 'phu q' and 'mam' both propose 'Nước mắm Phú Quốc'."""
    words = fold(title).split()
    inputs = [" ".join(words[start:]) for start in range(len(words))]
    return list(dict.fromkeys([title.lower(), *inputs]))[:10]
