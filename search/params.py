"""Parses and validates the search query string. Malformed input is a `BadSearchRequest` (HTTP 400), never a
500 and never silently ignored, so a bad link says what is wrong with it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from storefront.ocop import reference

SORTS = ("relevance", "stars", "price_asc", "price_desc", "newest")
STAR_VALUES = reference.programme().certified_stars
# Price bands in whole đồng, "low-high" with low <= price < high; an empty high is open-ended.
PRICE_BANDS = ("0-100000", "100000-300000", "300000-1000000", "1000000-")
PRODUCER_TYPES = tuple(get_model("partner", "Partner").LegalType.values)
MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
# Marketing and analytics links add these; they are not search input.
IGNORED_PARAMS = {"fbclid", "gclid"}
IGNORED_PREFIXES = ("utm_",)


class BadSearchRequest(ValueError):
    pass


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    group: tuple[str, ...] = ()
    province: tuple[str, ...] = ()
    stars: tuple[int, ...] = ()
    price: tuple[str, ...] = ()
    producer_type: tuple[str, ...] = ()
    sort: str = "relevance"
    page: int = 1
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def has_filters(self):
        return bool(self.group or self.province or self.stars or self.price or self.producer_type)


def parse(querydict, *, allowed_groups, allowed_provinces, fixed=None) -> SearchParams:
    """`allowed_*` are the codes that exist; `fixed` pins values a page decides (a category page's group)."""
    known = {"q", "group", "province", "stars", "price", "producer_type", "sort", "page"}
    unknown = [key for key in querydict if key not in known and key not in IGNORED_PARAMS
               and not key.startswith(IGNORED_PREFIXES)]
    if unknown:
        raise BadSearchRequest(_("Unknown parameters: %(names)s. Use q, group, province, stars, price, producer_type, sort, page.")
                               % {"names": ", ".join(sorted(unknown))})

    q = " ".join(querydict.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise BadSearchRequest(_("The search text is longer than %(max)s characters.") % {"max": MAX_QUERY_LENGTH})

    def codes(name, allowed):
        values = _split(querydict.getlist(name))
        wrong = [value for value in values if value not in allowed]
        if wrong:
            raise BadSearchRequest(_("No such %(name)s: %(values)s.")
                                   % {"name": name, "values": ", ".join(wrong)})
        return tuple(dict.fromkeys(values))

    stars = []
    for value in _split(querydict.getlist("stars")):
        if not value.isdigit() or int(value) not in STAR_VALUES:
            raise BadSearchRequest(_("stars takes only 3, 4 or 5 (got %(value)r).") % {"value": value})
        stars.append(int(value))

    sort = querydict.get("sort") or "relevance"
    if sort not in SORTS:
        raise BadSearchRequest(_("sort takes only: %(sorts)s.") % {"sorts": ", ".join(SORTS)})

    raw_page = querydict.get("page") or "1"
    if not raw_page.isdigit() or not 1 <= int(raw_page) <= MAX_PAGE:
        raise BadSearchRequest(_("page must be a whole number from 1 to %(max)s.") % {"max": MAX_PAGE})

    params = dict(
        q=q,
        group=codes("group", allowed_groups),
        province=codes("province", allowed_provinces),
        stars=tuple(sorted(set(stars))),
        price=codes("price", PRICE_BANDS),
        producer_type=codes("producer_type", PRODUCER_TYPES),
        sort=sort,
        page=int(raw_page),
    )
    params.update(fixed or {})
    return SearchParams(**params)


def price_band(key):
    """'100000-300000' -> (100000, 300000); '1000000-' -> (1000000, None)."""
    low, high = key.split("-")
    return int(low), (int(high) if high else None)


def _split(values):
    """Accept both ?stars=4&stars=5 and ?stars=4,5."""
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
