"""Plausible synthetic products in bulk, for benchmarks (`load_demo --products 50000`).

Tops up to N synthetic products (so running it twice does not double them), in batches with a progress bar.
Stars still come from certificates scored by the rules module; images are shared per product set. Each
certificate's age is fixed by its number and laid out from the demo's today like the demo's own certificates, so
a later load moves them forward instead of letting them all expire.
"""

import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from oscar.core.loading import get_model
from tqdm import tqdm

from storefront.ocop import reference
from storefront.ocop.models import Certificate, Commune, LegacyProvince, Province, RuleSet, TaxonomyNode
from storefront.ocop.taxonomy import current_version
from storefront.ocop.text import slugify_vi

from .catalogue import TOURISM_SECTOR, product_classes, read_demo
from .certification import CertificateLayout, split_total
from .images import draw_product_image

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")

SKU_PREFIX = "syn-"
CERTIFICATE_PREFIX = "SYN-"
BATCH = 1000

NAMES = {
    "1.1.1": ["Bưởi da xanh", "Cam sành", "Nhãn lồng", "Vải thiều", "Xoài cát Hòa Lộc", "Rau cải mầm"],
    "1.1.2": ["Tôm càng xanh", "Cá lóc đồng", "Cua biển", "Hàu sữa"],
    "1.2.1": ["Gạo ST25", "Gạo nếp cái hoa vàng", "Gạo lứt đỏ", "Nếp cẩm"],
    "1.2.2": ["Mật ong hoa nhãn", "Mật ong bạc hà", "Mật ong rừng", "Phấn hoa"],
    "1.2.3": ["Hạt điều rang muối", "Mắc ca sấy", "Chuối sấy dẻo", "Hạt sen sấy"],
    "1.3.1": ["Bánh đa nem", "Bún khô", "Miến dong", "Bánh tráng", "Mỳ gạo"],
    "1.3.2": ["Chả cá", "Khô cá lóc", "Lạp xưởng", "Ruốc tôm", "Giò bò"],
    "1.3.3": ["Mứt gừng", "Kẹo dừa", "Ô mai mơ", "Kẹo lạc", "Bánh pía"],
    "1.4.1": ["Nước mắm cá cơm", "Nước mắm truyền thống", "Nước chấm chay"],
    "1.4.2": ["Muối tôm", "Tương bần", "Tương ớt", "Muối ớt xanh"],
    "1.5.1": ["Chè búp", "Trà shan tuyết", "Chè xanh", "Trà sen"],
    "1.6.1": ["Cà phê Robusta rang xay", "Cà phê Arabica", "Ca cao nguyên chất"],
    "2.1.1": ["Rượu nếp cẩm", "Rượu ngô men lá", "Rượu gạo truyền thống"],
    "2.1.2": ["Rượu vang sim", "Rượu vang nho", "Rượu mơ"],
    "2.2.1": ["Nước ép chanh dây", "Siro dâu", "Nước cốt gừng", "Nước mía"],
    "3.1.1": ["Cao atiso", "Viên nghệ mật ong", "Cao đinh lăng"],
    "3.2.1": ["Xà phòng thảo mộc", "Dầu gội bồ kết", "Son dưỡng sáp ong"],
    "3.3.1": ["Tinh dầu sả chanh", "Tinh dầu quế", "Tinh dầu bưởi"],
    "3.3.2": ["Trà atiso", "Trà gừng", "Trà hoa cúc", "Trà dây"],
    "4.1.1": ["Bình gốm men rạn", "Bộ ấm chén gốm", "Tranh sơn mài"],
    "4.1.2": ["Giỏ mây tre đan", "Thảm cói", "Khay gỗ", "Đèn tre"],
    "4.2.1": ["Khăn thổ cẩm", "Khăn lụa tơ tằm", "Túi thổ cẩm", "Áo lụa"],
    "5.1.1": ["Lan hồ điệp", "Hoa cúc mâm xôi", "Hoa đào"],
    "5.2.1": ["Mai vàng bonsai", "Cây quất cảnh", "Cây sanh cảnh"],
    "5.3.1": ["Cá koi", "Chim chào mào", "Cá chép cảnh"],
    "6.1.1": ["Homestay", "Du lịch cộng đồng bản", "Điểm du lịch sinh thái"],
}
QUALIFIERS = ["", "", "hữu cơ", "truyền thống", "đặc biệt", "loại 1", "thượng hạng", "gia truyền", "sạch"]
UNITS = {"1": ["hộp 500 g", "túi 1 kg", "chai 500 ml", "hộp 200 g"], "2": ["chai 500 ml", "chai 750 ml"],
         "3": ["hộp 100 g", "chai 100 ml", "lọ 50 ml"], "4": ["chiếc", "bộ"], "5": ["chậu", "con"],
         "6": ["đêm", "người/ngày"]}
PRICE_RANGE = {"1": (35_000, 450_000), "2": (80_000, 900_000), "3": (60_000, 600_000), "4": (120_000, 3_500_000),
               "5": (150_000, 5_000_000), "6": (300_000, 1_500_000)}
STAR_WEIGHTS = [(3, 70), (4, 25), (5, 5)]


def add_synthetic_products(target, today, *, stdout=None, seed=2026):
    move_synthetic_certificates(today)
    existing = StockRecord.objects.filter(partner_sku__startswith=SKU_PREFIX).count()
    missing = max(0, target - existing)
    if not missing:
        return 0
    factory = SyntheticFactory(today, seed=seed + existing)
    progress = tqdm(total=missing, desc="synthetic products", unit="product", file=getattr(stdout, "_out", None),
                    mininterval=1.0)
    made = 0
    while made < missing:
        size = min(BATCH, missing - made)
        with transaction.atomic():
            factory.batch(existing + made, size)
        made += size
        progress.update(size)
    progress.close()
    return made


def issued_days_ago(sequence):
    """How long before the demo's today certificate `sequence` was issued: drawn once from its number (from a
    month to four years, so some have expired), the same on every load."""
    return random.Random(f"{CERTIFICATE_PREFIX}{sequence}").randrange(30, 365 * 4)


def certificate_number(laid, sequence):
    return f"{CERTIFICATE_PREFIX}{laid.issued_on.year}-{sequence:07d}"


def certificate_layout(today):
    return CertificateLayout(today, RuleSet.objects.all(), read_demo()["calendar"])


def lay_out_certificate(layout, certificate, sequence):
    """The synthetic certificate's dated parts for the layout's today; scores, stars and level as drawn."""
    return layout.lay_out({"issued_days_ago": issued_days_ago(sequence), "scores": certificate.scores(),
                           "level": certificate.level, "authority": "",
                           "decision_number": certificate.decision_number}, certificate.product.origin_province)


def move_synthetic_certificates(today):
    """A later load: every synthetic certificate keeps its age relative to the new today (bulk, in batches)."""
    certificates = (Certificate.objects.filter(number__startswith=CERTIFICATE_PREFIX)
                    .select_related("product__origin_province").order_by("pk"))
    first = certificates.first()
    if first is None:
        return 0
    layout = certificate_layout(today)
    if lay_out_certificate(layout, first, sequence_of(first)).issued_on == first.issued_on:
        return 0  # laid out from this same day already
    rule_sets = {rule_set.code: rule_set for rule_set in RuleSet.objects.all()}
    fields = ["number", "issued_on", "valid_until", "rule_set", "score_a", "score_b", "score_c", "total", "level",
              "authority", "decision_number"]
    moved, batch = 0, []
    for certificate in certificates.iterator(chunk_size=BATCH):
        sequence = sequence_of(certificate)
        laid = lay_out_certificate(layout, certificate, sequence)
        certificate.number, certificate.issued_on = certificate_number(laid, sequence), laid.issued_on
        certificate.rule_set = rule_sets[laid.rule_set_code]
        certificate.score_a, certificate.score_b, certificate.score_c = (laid.scores[p] for p in "ABC")
        certificate.level, certificate.authority = laid.level, laid.authority
        certificate.decision_number = laid.decision_number
        certificate.derive()
        batch.append(certificate)
        if len(batch) == BATCH:
            moved += _save_moved(batch, fields)
    return moved + _save_moved(batch, fields)


def _save_moved(batch, fields):
    # a number carries its own sequence, so a moved number never meets another certificate's
    Certificate.objects.bulk_update(batch, fields, batch_size=BATCH)
    count = len(batch)
    batch.clear()
    return count


def sequence_of(certificate):
    return int(certificate.number.rsplit("-", 1)[1])


class SyntheticFactory:
    def __init__(self, today, seed):
        self.random = random.Random(seed)
        self.programme = reference.programme()
        self.layout = certificate_layout(today)
        self.rule_sets = {rule_set.code: rule_set for rule_set in RuleSet.objects.all()}
        self.latest_maxima = max(self.rule_sets.values(), key=lambda r: r.effective_from).as_rules().part_maxima
        self.product_sets = list(TaxonomyNode.objects.filter(version=current_version(), level="product_set")
                                 .select_related("parent__category", "parent__parent"))
        self.provinces = list(Province.objects.all())
        self.legacy_names = {}  # for the search text, without a query per product
        for code, name in LegacyProvince.objects.values_list("successor__code", "name"):
            self.legacy_names.setdefault(code, []).append(name)
        self.communes = {}
        for commune in Commune.objects.all():
            self.communes.setdefault(commune.province_id, []).append(commune)
        self.goods, self.service = product_classes()
        self.producers = self.ensure_producers()
        self.images = self.ensure_images()

    def ensure_producers(self, count=400):
        producers = list(Partner.objects.filter(code__startswith=SKU_PREFIX))
        if len(producers) >= count:
            return producers
        kinds = [("cooperative", "Hợp tác xã"), ("cooperative_group", "Tổ hợp tác"),
                 ("enterprise", "Công ty TNHH"), ("household", "Hộ kinh doanh")]
        new = []
        for index in range(len(producers), count):
            province = self.random.choice(self.provinces)
            legal_type, prefix = self.random.choice(kinds)
            new.append(Partner(code=f"{SKU_PREFIX}{index:04d}", name=f"{prefix} {province.name} số {index + 1}",
                                legal_type=legal_type, province=province,
                                commune=self.random.choice(self.communes[province.pk]), verified=True))
        Partner.objects.bulk_create(new)
        return list(Partner.objects.filter(code__startswith=SKU_PREFIX).select_related("province", "commune"))

    def ensure_images(self):
        images = {}
        for node in self.product_sets:
            name = f"images/synthetic/{node.code}.jpg"
            if not default_storage.exists(name):
                name = default_storage.save(name, ContentFile(draw_product_image(node.name, node.code, seed=1)))
            images[node.code] = name
        return images

    def batch(self, offset, size):
        rnd = self.random
        products, records, pending = [], [], []
        for number in range(offset, offset + size):
            node = rnd.choice(self.product_sets)
            producer = rnd.choice(self.producers)
            sector = node.code.split(".")[0]
            title = " ".join(part for part in (rnd.choice(NAMES[node.code]), rnd.choice(QUALIFIERS),
                                               producer.province.name) if part)
            low, high = PRICE_RANGE[sector]
            product = Product(
                title=title, slug=slugify_vi(title)[:200], classification=node, producer=producer,
                origin_province=producer.province, unit=rnd.choice(UNITS[sector]), is_public=True,
                product_class=self.service if sector == TOURISM_SECTOR else self.goods,
                description=f"{title}: sản phẩm của {producer.name}.", structure=Product.STANDALONE,
            )
            product.search_text = product.build_search_text(self.legacy_names)
            products.append(product)
            price = Decimal(rnd.randrange(low // 1000, high // 1000) * 1000)
            records.append((producer, f"{SKU_PREFIX}{number:07d}", price, rnd.randrange(0, 300)))
            pending.append(rnd.random() < 0.85)  # most listed products are certified
        Product.objects.bulk_create(products, batch_size=BATCH)
        StockRecord.objects.bulk_create([
            StockRecord(product=product, partner=producer, partner_sku=sku, price=price, price_currency="VND",
                        num_in_stock=stock)
            for product, (producer, sku, price, stock) in zip(products, records)
        ], batch_size=BATCH)
        ProductCategory.objects.bulk_create(
            [ProductCategory(product=p, category=p.classification.parent.category) for p in products],
            batch_size=BATCH)
        ProductImage.objects.bulk_create(
            [ProductImage(product=p, original=self.images[p.classification.code], display_order=0) for p in products],
            batch_size=BATCH)
        certificates = [self.certificate(product, offset + i) for i, (product, certified)
                        in enumerate(zip(products, pending)) if certified]
        Certificate.objects.bulk_create(certificates, batch_size=BATCH)
        for certificate in certificates:
            certificate.product.current_certificate = certificate
        Product.objects.bulk_update([c.product for c in certificates], ["current_certificate"], batch_size=BATCH)

    def certificate(self, product, number):
        rnd = self.random
        stars = rnd.choices([s for s, _ in STAR_WEIGHTS], weights=[w for _, w in STAR_WEIGHTS])[0]
        total_low = self.programme.star_minima[stars]
        total_high = self.programme.star_minima.get(stars + 1, Decimal(100) + Decimal("0.01")) - Decimal("0.25")
        total = Decimal(rnd.randrange(int(total_low * 4), int(total_high * 4) + 1)) / 4
        laid = self.layout.lay_out({
            "issued_days_ago": issued_days_ago(number), "scores": split_total(total, self.latest_maxima),
            "level": "ministry" if stars == 5 else "province", "authority": "",
            "decision_number": f"{rnd.randrange(100, 3000)}/QĐ-UBND"}, product.origin_province)
        certificate = Certificate(
            number=certificate_number(laid, number), product=product, producer=product.producer,
            rule_set=self.rule_sets[laid.rule_set_code], score_a=laid.scores["A"], score_b=laid.scores["B"],
            score_c=laid.scores["C"], level=laid.level, authority=laid.authority,
            decision_number=laid.decision_number, issued_on=laid.issued_on,
        )
        certificate.derive()  # total, stars and validity from the rules, as for every certificate
        return certificate
