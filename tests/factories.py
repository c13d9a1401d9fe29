"""Small builders for test data on top of the reference data (which the demo load puts in every test DB)."""

import itertools
from datetime import date
from decimal import Decimal

from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, Commune, Province, RuleSet, TaxonomyNode

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

_counter = itertools.count(1)


def producer(province_code="91", legal_type="cooperative", **fields):
    province = Province.objects.get(code=province_code)
    n = next(_counter)
    return Partner.objects.create(
        code=f"test-producer-{n}", name=fields.pop("name", f"HTX thử nghiệm {n}"), legal_type=legal_type,
        province=province, commune=Commune.objects.filter(province=province).first(), **fields)


def product(owner=None, *, title=None, price=125000, stock=10, product_set="1.4.1", **fields):
    owner = owner or producer()
    n = next(_counter)
    item = Product.objects.create(
        title=title or f"Sản phẩm thử {n}", product_class=ProductClass.objects.get(slug="ocop-product"),
        classification=TaxonomyNode.objects.get(version__code="26/2026", code=product_set),
        origin_province=owner.province, producer=owner, is_public=True, **fields)
    StockRecord.objects.create(product=item, partner=owner, partner_sku=f"test-sku-{n}", price=Decimal(price),
                               price_currency="VND", num_in_stock=stock)
    return item


def certificate(item, *, scores=(32, 20, 28), issued_on=date(2026, 6, 1), rule_set="26/2026", level="province",
                authority="Ủy ban nhân dân tỉnh An Giang", save=True, **fields):
    a, b, c = scores
    cert = Certificate(
        number=fields.pop("number", f"TEST-{next(_counter):05d}"), product=item, producer=item.producer,
        rule_set=RuleSet.objects.get(code=rule_set), score_a=Decimal(str(a)), score_b=Decimal(str(b)),
        score_c=Decimal(str(c)), level=level, authority=authority, decision_number="1234/QĐ-UBND",
        issued_on=issued_on, **fields)
    if save:
        cert.full_clean()
        cert.save()
    return cert
