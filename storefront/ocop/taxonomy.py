"""The taxonomy in force, as a small tree for menus, facets and forms.

Every listing page and search request needs it, and it changes only when staff load a new version: so it is kept
in the shared cache under a generation number that any change to a taxonomy row moves on (forget_taxonomy)."""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language

from .models import TaxonomyNode, TaxonomyVersion, today

GENERATION_KEY = "ocop:taxonomy:generation"
CACHE_SECONDS = 6 * 3600  # a day's tree; a per-process cache (dev) also catches up with another process's change


@dataclass
class Branch:
    code: str
    name_vi: str
    name_en: str
    groups: list["Branch"] = field(default_factory=list)

    @property
    def name(self):
        """The name in the active language: English on the English site when there is one (the tree is cached
        for every language, so it keeps both)."""
        return self.name_en if self.name_en and (get_language() or "").startswith("en") else self.name_vi


@dataclass
class Taxonomy:
    version: str
    sectors: list[Branch]

    def group_codes(self):
        return {sector.code for sector in self.sectors} | {g.code for s in self.sectors for g in s.groups}


def current_version(day=None):
    return TaxonomyVersion.objects.filter(effective_from__lte=day or today()).order_by("-effective_from").first()


def current_taxonomy(day=None) -> Taxonomy:
    day = day or today()
    key = f"ocop:taxonomy:v2:{cache.get_or_set(GENERATION_KEY, 0, None)}:{day.isoformat()}"  # v2: both languages
    taxonomy = cache.get(key)
    if taxonomy is None:
        taxonomy = _load_taxonomy(day)
        cache.set(key, taxonomy, CACHE_SECONDS)
    return taxonomy


def forget_taxonomy(**kwargs):
    """A taxonomy row changed (signal receiver): every cached tree is out of date."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted or never set): any number not used before will do
        cache.set(GENERATION_KEY, 1, None)


def _load_taxonomy(day) -> Taxonomy:
    version = current_version(day)
    if version is None:
        return Taxonomy(version="", sectors=[])
    nodes = list(TaxonomyNode.objects.filter(version=version, level__in=["sector", "group"]).order_by("code"))
    sectors = {node.code: Branch(node.code, node.name_vi, node.name_en) for node in nodes if node.level == "sector"}
    for node in nodes:
        if node.level == "group":
            sectors[node.code.split(".")[0]].groups.append(Branch(node.code, node.name_vi, node.name_en))
    return Taxonomy(version=version.code, sectors=list(sectors.values()))
