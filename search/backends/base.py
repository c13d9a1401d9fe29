"""What every search backend returns. Views and the API talk to this shape only."""

from dataclasses import dataclass, field


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool = False
    depth: int = 0  # 0 for a sector, 1 for a group under it


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def visible(self):
        """Worth a sidebar section: some value has products or is selected."""
        return any(value.count or value.selected for value in self.values)


@dataclass
class SearchResults:
    total: int
    products: list
    page: int
    num_pages: int
    per_page: int
    facets: list[Facet]
    backend: str

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.num_pages
