"""The reference data loaded from fixtures/reference: places after 1 July 2025, taxonomy, rule sets."""

import pytest

from storefront.ocop.models import Commune, LegacyProvince, Province, RuleSet, TaxonomyNode

pytestmark = pytest.mark.django_db


def test_34_provincial_units_of_which_6_cities():
    assert Province.objects.count() == 34
    assert set(Province.objects.filter(unit_type="city").values_list("name", flat=True)) == {
        "Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP Hồ Chí Minh", "Cần Thơ"}


def test_every_one_of_the_63_old_provinces_maps_to_a_current_unit():
    assert LegacyProvince.objects.count() == 63
    assert LegacyProvince.objects.get(name="Kiên Giang").successor.name == "An Giang"
    assert LegacyProvince.objects.get(name="Trà Vinh").successor.name == "Vĩnh Long"
    assert set(Province.objects.get(name="Vĩnh Long").legacy_provinces.values_list("name", flat=True)) == {
        "Vĩnh Long", "Bến Tre", "Trà Vinh"}


def test_every_province_has_communes():
    assert not Province.objects.filter(communes__isnull=True).exists()
    assert Commune.objects.filter(name="Đặc khu Phú Quốc", province__code="91").exists()


def test_taxonomy_2026_has_6_sectors_17_groups_26_product_sets():
    nodes = TaxonomyNode.objects.filter(version__code="26/2026")
    assert nodes.filter(level="sector").count() == 6
    assert nodes.filter(level="group").count() == 17
    assert nodes.filter(level="product_set").count() == 26
    assert not nodes.filter(level="group", category__isnull=True).exists()  # Oscar's menu mirrors it


def test_the_2018_groups_map_onto_the_2026_taxonomy():
    textiles = TaxonomyNode.objects.get(version__code="2018", code="4")
    assert [node.code for node in textiles.mapped_to.all()] == ["4.2"]
    for old in TaxonomyNode.objects.filter(version__code="2018"):
        assert old.mapped_to.exists()


def test_rule_sets_record_their_part_maxima():
    assert (lambda r: (r.max_a, r.max_b, r.max_c))(RuleSet.objects.get(code="1048/2019")) == (35, 25, 40)
    assert (lambda r: (r.max_a, r.max_b, r.max_c))(RuleSet.objects.get(code="26/2026")) == (40, 25, 35)
