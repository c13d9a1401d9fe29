"""Loads the reference data (places, taxonomy, rule sets) from fixtures/reference into the database.

Idempotent: rows are matched by their codes and updated in place, so running it again after a fixture
changes brings the database up to date without touching products or certificates.
"""

from datetime import date

from django.db import transaction
from oscar.core.loading import get_model

from . import reference
from .models import Commune, LegacyProvince, Province, RuleSet, TaxonomyNode, TaxonomyVersion

Category = get_model("catalogue", "Category")


@transaction.atomic
def load_places():
    data = reference.read("places_2025.json")
    provinces = {}
    for entry in data["provinces"]:
        provinces[entry["code"]], _ = Province.objects.update_or_create(
            code=entry["code"],
            defaults={key: entry.get(key, "") for key in
                      ("name", "full_name", "name_en", "slug", "unit_type", "region", "seat")},
        )
    legacy = {}
    for entry in data["legacy_provinces"]:
        legacy[entry["code"]], _ = LegacyProvince.objects.update_or_create(
            code=entry["code"],
            defaults={"name": entry["name"], "full_name": entry["full_name"], "slug": entry["slug"],
                      "unit_type": entry["unit_type"], "successor": provinces[entry["successor"]]},
        )
    for entry in data["communes"]:
        Commune.objects.update_or_create(
            code=entry["code"],
            defaults={"province": provinces[entry["province"]], "name": entry["name"],
                      "unit_type": entry["unit_type"], "legacy_district": entry.get("legacy_district", ""),
                      "legacy_province": legacy.get(entry.get("legacy_province"))},
        )
    return len(provinces), len(legacy), len(data["communes"])


@transaction.atomic
def load_rule_sets():
    entries = reference.read("rule_sets.json")["rule_sets"]
    for entry in entries:
        maxima = entry["part_maxima"]
        RuleSet.objects.update_or_create(
            code=entry["code"],
            defaults={"name": entry["name"], "effective_from": date.fromisoformat(entry["effective_from"]),
                      "effective_until": date.fromisoformat(entry["effective_until"])
                      if entry.get("effective_until") else None,
                      "max_a": maxima["A"], "max_b": maxima["B"], "max_c": maxima["C"]},
        )
    return len(entries)


@transaction.atomic
def load_taxonomy():
    data = reference.read("taxonomy.json")
    nodes = {}
    for version_data in data["versions"]:
        version, _ = TaxonomyVersion.objects.update_or_create(
            code=version_data["code"],
            defaults={"name": version_data["name"], "note": version_data.get("note", ""),
                      "effective_from": date.fromisoformat(version_data["effective_from"])},
        )

        def put(entry, level, parent):
            node, _ = TaxonomyNode.objects.update_or_create(
                version=version, code=entry["code"],
                defaults={"name": entry["name"], "name_en": entry["name_en"], "level": level, "parent": parent},
            )
            nodes[(version.code, entry["code"])] = node
            return node

        for sector_data in version_data["sectors"]:
            sector = put(sector_data, TaxonomyNode.Level.SECTOR, None)
            for group_data in sector_data.get("groups", []):
                group = put(group_data, TaxonomyNode.Level.GROUP, sector)
                for set_data in group_data.get("product_sets", []):
                    put(set_data, TaxonomyNode.Level.PRODUCT_SET, group)
    for mapping in data["mappings"]:
        source = nodes[(mapping["from_version"], mapping["from"])]
        source.mapped_to.add(nodes[(mapping["to_version"], mapping["to"])])
    link_categories(latest_version_code(data))
    return len(nodes)


def latest_version_code(data):
    return max(data["versions"], key=lambda version: version["effective_from"])["code"]


def link_categories(version_code):
    """Oscar's category tree mirrors the taxonomy in force (sector -> group), for its menus and pages."""
    for sector in TaxonomyNode.objects.filter(version__code=version_code, level="sector").order_by("code"):
        sector_category = ensure_category(sector, parent=None)
        for group in sector.children.order_by("code"):
            ensure_category(group, parent=sector_category)


def ensure_category(node, parent):
    category = node.category
    names = {"name": node.name_vi, "name_vi": node.name_vi, "name_en": node.name_en}
    if category is None:
        category = parent.add_child(**names) if parent else Category.add_root(**names)
        node.category = category
        node.save(update_fields=["category"])
    elif (category.name_vi, category.name_en) != (node.name_vi, node.name_en):
        for field, value in names.items():
            setattr(category, field, value)
        category.save()
    return category


def load_all(stdout=None):
    counts = {
        "places": load_places(),
        "rule_sets": load_rule_sets(),
        "taxonomy_nodes": load_taxonomy(),
    }
    if stdout:
        provinces, legacy, communes = counts["places"]
        stdout.write(f"Reference data: {provinces} provinces, {legacy} pre-2025 provinces, {communes} communes, "
                     f"{counts['rule_sets']} rule sets, {counts['taxonomy_nodes']} taxonomy entries.")
    return counts
