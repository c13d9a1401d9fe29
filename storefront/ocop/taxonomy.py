"""The taxonomy in force, as a small tree for menus, facets and forms."""

from dataclasses import dataclass, field

from .models import TaxonomyNode, TaxonomyVersion, today


@dataclass
class Branch:
    code: str
    name: str
    name_en: str
    groups: list["Branch"] = field(default_factory=list)


@dataclass
class Taxonomy:
    version: str
    sectors: list[Branch]

    def group_codes(self):
        return {sector.code for sector in self.sectors} | {g.code for s in self.sectors for g in s.groups}


def current_version(day=None):
    return TaxonomyVersion.objects.filter(effective_from__lte=day or today()).order_by("-effective_from").first()


def current_taxonomy(day=None) -> Taxonomy:
    version = current_version(day)
    if version is None:
        return Taxonomy(version="", sectors=[])
    nodes = list(TaxonomyNode.objects.filter(version=version, level__in=["sector", "group"]).order_by("code"))
    sectors = {node.code: Branch(node.code, node.name, node.name_en) for node in nodes if node.level == "sector"}
    for node in nodes:
        if node.level == "group":
            sectors[node.code.split(".")[0]].groups.append(Branch(node.code, node.name, node.name_en))
    return Taxonomy(version=version.code, sectors=list(sectors.values()))
