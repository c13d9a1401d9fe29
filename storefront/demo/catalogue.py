"""Loads fixtures/demo/catalogue.json: producers, products, stock, certificates (with history), images.

Idempotent: producers are matched by their code, products by (producer, SKU), certificates by the product and
their place in its history; a second run on the same day changes nothing, a run on a later day moves the
certificates' dates forward (storefront/demo/certification.py). Every certificate goes through the model's
validation, so demo data obeys the same rules as data staff enter.
"""

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model

from storefront.ocop import reference, rules
from storefront.ocop.models import Certificate, Commune, Province, RuleSet, TaxonomyNode
from storefront.ocop.taxonomy import current_version

from .certification import CertificateLayout
from .images import draw_product_image

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")

DEMO_FILE = Path(__file__).resolve().parents[2] / "fixtures" / "demo" / "catalogue.json"
TOURISM_SECTOR = "6"


class DemoDataError(ValueError):
    pass


def read_demo():
    with open(DEMO_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def product_classes():
    goods, _ = ProductClass.objects.get_or_create(
        slug="ocop-product", defaults={"name": "Sản phẩm OCOP", "requires_shipping": True, "track_stock": True})
    service, _ = ProductClass.objects.get_or_create(
        slug="tourism-service", defaults={"name": "Dịch vụ du lịch", "requires_shipping": False,
                                          "track_stock": True})
    return goods, service


class CatalogueLoader:
    def __init__(self, today, data=None, *, stdout=None, with_images=True):
        self.data = data or read_demo()
        self.stdout = stdout
        self.with_images = with_images
        self.version = current_version()
        self.provinces = {p.code: p for p in Province.objects.all()}
        self.rule_sets = {r.code: r for r in RuleSet.objects.all()}
        self.layout = CertificateLayout(today, self.rule_sets.values(), self.data["calendar"])
        self.province_codes = reference.province_codes()
        self.product_sets = {n.code: n for n in TaxonomyNode.objects.filter(version=self.version,
                                                                            level="product_set")
                             .select_related("parent__category")}
        self.stats = Counter()

    def run(self):
        goods, service = product_classes()
        producers = {entry["key"]: self.producer(entry) for entry in self.data["producers"]}
        for index, entry in enumerate(self.data["products"]):
            if entry["producer"] not in producers:
                raise DemoDataError(f"Product {entry['key']}: unknown producer {entry['producer']!r}.")
            with transaction.atomic():
                self.product(index, entry, producers[entry["producer"]], goods, service)
            if self.stdout and (index + 1) % 20 == 0:
                self.stdout.write(f"  … {index + 1}/{len(self.data['products'])} products")
        return self.stats

    # --- producers --------------------------------------------------------------------------------------
    def producer(self, entry):
        province = self.province(entry["province"], entry["key"])
        commune = Commune.objects.filter(province=province, name=entry["commune"]).first()
        if commune is None:
            raise DemoDataError(
                f"Producer {entry['key']}: commune {entry['commune']!r} is not in province {province.code} "
                "of fixtures/reference/places_2025.json; add it there or pick one that is."
            )
        producer, created = Partner.objects.update_or_create(
            code=entry["key"],
            defaults={
                "name": entry["name"], "legal_type": entry["legal_type"], "province": province,
                "commune": commune, "address": entry.get("address", ""), "phone": entry.get("phone", ""),
                "email": entry.get("email", ""), "description": entry.get("description", ""),
                "verified": entry.get("verified", True),
            },
        )
        self.stats["producers created" if created else "producers kept"] += 1
        return producer

    def province(self, code, key):
        try:
            return self.provinces[code]
        except KeyError:
            raise DemoDataError(f"{key}: unknown province code {code!r}.") from None

    # --- products ---------------------------------------------------------------------------------------
    def product(self, index, entry, producer, goods, service):
        product_set = self.product_sets.get(entry["product_set"])
        if product_set is None:
            raise DemoDataError(f"Product {entry['key']}: unknown product set {entry['product_set']!r}.")
        record = StockRecord.objects.filter(partner=producer, partner_sku=entry["key"]).select_related(
            "product").first()
        is_service = entry["product_set"].startswith(f"{TOURISM_SECTOR}.")
        fields = {
            "title_vi": entry["title"], "description_vi": entry.get("description", ""),
            "story_vi": entry.get("story", ""), **english_fields(entry),
            "unit": entry.get("unit", ""), "classification": product_set, "producer": producer,
            "origin_province": self.province(entry["province"], entry["key"]),
            "product_class": service if is_service else goods, "is_public": True,
        }
        if record is None:
            product = Product(**fields)
            product.save()
            StockRecord.objects.create(product=product, partner=producer, partner_sku=entry["key"],
                                       price=Decimal(entry["price"]), price_currency="VND",
                                       num_in_stock=entry["stock"])
            self.stats["products created"] += 1
        else:
            product = record.product
            self.stats["products kept"] += 1
            fill_english(product, entry)
        ProductCategory.objects.get_or_create(product=product, category=product_set.parent.category)
        if entry.get("certificate"):
            self.certificates(index, product, producer, entry)
        if self.with_images and not product.images.exists():
            image = draw_product_image(entry["title"], entry["product_set"], seed=product.pk)
            ProductImage.objects.create(product=product, display_order=0, caption=entry["title"],
                                        original=ContentFile(image, name=f"{entry['key']}.jpg"))

    def certificates(self, index, product, producer, entry):
        current = entry["certificate"]
        history = [*current.get("previous", []), current]
        # The demo's own certificates of this product, oldest first: numbered by the province, the year of issue
        # and the product's place in the file (stable across databases), so paired with `history` by position.
        existing = list(Certificate.objects.filter(
            product=product, number__regex=rf"^OCOP-{entry['province']}-[0-9]{{4}}-{index + 1:04d}$"
        ).order_by("issued_on"))
        laid = [self.layout.lay_out(data, producer.province) for data in history]
        if existing and laid[0].issued_on > existing[0].issued_on:
            order = range(len(history) - 1, -1, -1)  # moving forward: the newest first, so no number collides
        else:
            order = range(len(history))
        certificates = {}
        for position in order:
            certificates[position] = self.certificate(
                laid[position].number(entry["province"], index + 1), product, producer, entry, history[position],
                laid[position], existing[position] if position < len(existing) else None)
        for position in range(1, len(history)):
            later = certificates[position]
            if later.supersedes_id != certificates[position - 1].pk:
                later.supersedes = certificates[position - 1]
                later.save()
        # Decision 26/2026's product code: producer's province and commune, a sequence, the year the product was
        # first certified (the file position keeps the sequence unique and stable)
        code = rules.product_code(producer.province.code, producer.commune.code, index + 1,
                                  laid[0].issued_on.year, provinces=self.province_codes)
        if product.code != code:
            product.code = code
            Product.objects.filter(pk=product.pk).update(code=code)

    def certificate(self, number, product, producer, entry, data, laid, existing):
        revoked = data.get("revoked") or {}
        fields = {
            "number": number, "product": product, "producer": producer,
            "rule_set": self.rule_sets[laid.rule_set_code], "score_a": laid.scores["A"],
            "score_b": laid.scores["B"], "score_c": laid.scores["C"], "level": laid.level,
            "authority": laid.authority, "decision_number": laid.decision_number, "issued_on": laid.issued_on,
            "revoked_on": laid.revoked_on, "revocation_reason": revoked.get("reason", ""),
        }
        if existing is not None and all(getattr(existing, name) == value for name, value in fields.items()):
            self.stats["certificates kept"] += 1
            return existing
        certificate = existing or Certificate()
        for name, value in fields.items():
            setattr(certificate, name, value)
        try:
            certificate.full_clean()
        except Exception as error:
            raise DemoDataError(f"Product {entry['key']}, certificate of {laid.issued_on}: {error}") from error
        certificate.save()
        self.stats["certificates moved" if existing else "certificates created"] += 1
        return certificate


def english_fields(entry):
    """The product's English name and description from the demo file (the English site shows them)."""
    return {"title_en": entry.get("title_en", ""), "description_en": entry.get("description_en", "")}


def fill_english(product, entry):
    """A product loaded before the demo had English gets it on the next run; nothing else is touched."""
    english = english_fields(entry)
    if any(getattr(product, name) != value for name, value in english.items()):
        for name, value in english.items():
            setattr(product, name, value)
        product.save()
