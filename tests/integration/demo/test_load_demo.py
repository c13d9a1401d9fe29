"""The demo catalogue: believable, complete, obeying the rules, and loadable twice without change."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from oscar.core.loading import get_model

from storefront.ocop.models import Certificate, TaxonomyNode
from tests.demo_clock import DEMO_DAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_today")]
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
ProductImage = get_model("catalogue", "ProductImage")


def demo_products():
    return Product.objects.exclude(stockrecords__partner_sku__startswith="syn-").exclude(
        stockrecords__partner_sku__startswith="test-")


def test_demo_has_80_products_across_all_sectors_and_25_provinces():
    products = demo_products()
    assert products.count() >= 80
    sectors = {code.split(".")[0] for code in products.values_list("classification__code", flat=True)}
    assert sectors == {"1", "2", "3", "4", "5", "6"}
    assert products.values("origin_province").distinct().count() >= 25


def test_demo_has_20_producers_of_all_four_legal_types():
    producers = Partner.objects.exclude(code__startswith="syn-").exclude(code__startswith="test-")
    assert producers.count() >= 20
    assert set(producers.values_list("legal_type", flat=True)) == {
        "cooperative", "cooperative_group", "enterprise", "household"}


def test_star_spread_is_mostly_three_stars_with_some_expired_and_one_revoked():
    current = Certificate.objects.filter(product__in=demo_products(), superseded_by__isnull=True)
    stars = Counter(current.values_list("stars", flat=True))
    total = sum(stars.values())
    assert 0.55 <= stars[3] / total <= 0.8
    assert 0.15 <= stars[4] / total <= 0.35
    assert stars[5] >= 5
    assert current.filter(valid_until__lt=DEMO_DAY).count() >= 3
    assert current.filter(revoked_on__isnull=False).count() == 1


def test_every_product_has_stock_a_whole_dong_price_and_an_image():
    for record in StockRecord.objects.filter(product__in=demo_products()):
        assert record.price_currency == "VND"
        assert record.price == record.price.to_integral_value() and record.price > 0
    assert not demo_products().filter(images__isnull=True).exists()
    image = ProductImage.objects.filter(product__in=demo_products()).first()
    with image.original.open("rb") as handle:
        assert handle.read(3) == b"\xff\xd8\xff"  # a real JPEG drawn by Pillow


@pytest.mark.parametrize("title", ["Nước mắm Phú Quốc", "Tân Cương", "trà hoa vàng Ba Chẽ", "Bát Tràng",
                                   "mật hoa dừa", "Khe Sanh", "Atiso"])
def test_real_ocop_products_are_there_with_their_vietnamese_names(title):
    assert Product.objects.filter(title__icontains=title).exists() or Product.objects.filter(
        search_text__icontains=title.lower()).exists()


def test_certified_products_carry_a_product_code_in_the_2026_format():
    from storefront.ocop import reference, rules

    for code in demo_products().filter(certificates__isnull=False).values_list("code", flat=True).distinct():
        parsed = rules.parse_product_code(code, reference.province_codes())
        assert not parsed.legacy


def test_a_second_load_changes_nothing():
    def snapshot():
        return (Product.objects.count(), Partner.objects.count(), StockRecord.objects.count(),
                Certificate.objects.count(), ProductImage.objects.count(), TaxonomyNode.objects.count(),
                sorted(Certificate.objects.values_list("number", "stars", "valid_until")))

    before = snapshot()
    call_command("load_demo", "--admin-password", "x-test-x", stdout=StringIO())
    assert snapshot() == before


def test_synthetic_products_are_added_in_bulk_and_topped_up_not_doubled():
    call_command("load_demo", "--products", "120", "--no-images", "--admin-password", "x", stdout=StringIO())
    synthetic = Product.objects.filter(stockrecords__partner_sku__startswith="syn-")
    assert synthetic.count() == 120
    call_command("load_demo", "--products", "120", "--no-images", "--admin-password", "x", stdout=StringIO())
    assert synthetic.count() == 120
    certified = synthetic.filter(current_certificate__isnull=False)
    assert certified.count() > 80
    for product in certified[:30]:
        cert = product.current_certificate
        assert cert.stars == cert.derive().stars  # stored stars agree with the rules
        assert product.search_text and product.slug


def test_a_rerun_keeps_existing_passwords_unless_told_to_set_one(monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_PRODUCER_PASSWORD", raising=False)
    users = get_user_model().objects
    admin, producer = users.get(username="admin"), users.get(username="producer1")
    admin.set_password("chosen-by-the-operator")
    admin.save()
    producer.set_password("chosen-by-the-producer")
    producer.save()
    out = StringIO()
    call_command("load_demo", "--no-images", stdout=out)
    assert users.get(username="admin").check_password("chosen-by-the-operator")
    assert users.get(username="producer1").check_password("chosen-by-the-producer")
    assert "password unchanged" in out.getvalue() and "chosen-by" not in out.getvalue()
    call_command("load_demo", "--no-images", "--admin-password", "reset-on-purpose", stdout=StringIO())
    assert users.get(username="admin").check_password("reset-on-purpose")
