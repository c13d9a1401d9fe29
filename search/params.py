"""Parses and validates the search query string with the shared strict parsers (storefront.params). Malformed
input is a `BadSearchRequest` (HTTP 400), never a 500 and never silently ignored, so a bad link says what is
wrong with it."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from storefront.ocop import reference
from storefront.params import BadParameter, choice, shown, single, text, whole_number

SORTS = ("relevance", "stars", "price_asc", "price_desc", "newest")
STAR_VALUES = reference.programme().certified_stars
STAR_CHOICES = tuple(str(stars) for stars in STAR_VALUES)
# Price bands in whole đồng, "low-high" with low <= price < high; an empty high is open-ended.
PRICE_BANDS = ("0-100000", "100000-300000", "300000-1000000", "1000000-")
PRODUCER_TYPES = tuple(get_model("partner", "Partner").LegalType.values)
MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000
#: More values than any facet has (34 provinces is the longest list).
MAX_VALUES = 100
# Marketing and analytics links add these; they are not search input.
IGNORED_PARAMS = {"fbclid", "gclid"}
IGNORED_PREFIXES = ("utm_",)


#: The shared strict parsers' error, under the name the search's callers catch.
BadSearchRequest = BadParameter


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
    # the words as typed and nothing else: no correction, no synonyms, no Telex reading, no typo allowance
    exact: bool = False
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def has_filters(self):
        return bool(self.group or self.province or self.stars or self.price or self.producer_type)


def parse(querydict, *, allowed_groups, allowed_provinces, fixed=None) -> SearchParams:
    """`allowed_*` are the codes that exist; `fixed` pins values a page decides (a category page's group)."""
    known = {"q", "group", "province", "stars", "price", "producer_type", "sort", "page", "exact"}
    unknown = [key for key in querydict if key not in known and key not in IGNORED_PARAMS
               and not key.startswith(IGNORED_PREFIXES)]
    if unknown:
        raise BadSearchRequest(_("Unknown parameters: %(names)s. Use q, group, province, stars, price, producer_type, sort, page, exact.")
                               % {"names": shown(", ".join(sorted(unknown)))})

    q = " ".join(single(querydict, "q").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise BadSearchRequest(_("The search text is longer than %(max)s characters.") % {"max": MAX_QUERY_LENGTH})
    q = text(q, "q", max_length=MAX_QUERY_LENGTH)

    def codes(name, allowed):
        values = _split(name, querydict.getlist(name))
        wrong = [value for value in values if value not in allowed]
        if wrong:
            raise BadSearchRequest(_("No such %(name)s: %(values)s.")
                                   % {"name": name, "values": shown(", ".join(wrong))})
        return tuple(dict.fromkeys(values))

    stars = [int(choice(value, "stars", STAR_CHOICES)) for value in _split("stars", querydict.getlist("stars"))]
    sort = choice(single(querydict, "sort") or "relevance", "sort", SORTS)
    page = whole_number(single(querydict, "page") or "1", "page", minimum=1, maximum=MAX_PAGE)
    exact = choice(single(querydict, "exact") or "0", "exact", ("0", "1")) == "1"

    params = dict(
        q=q,
        group=codes("group", allowed_groups),
        province=codes("province", allowed_provinces),
        stars=tuple(sorted(set(stars))),
        price=codes("price", PRICE_BANDS),
        producer_type=codes("producer_type", PRODUCER_TYPES),
        sort=sort,
        page=page,
        exact=exact,
    )
    params.update(fixed or {})
    return SearchParams(**params)


def price_band(key):
    """'100000-300000' -> (100000, 300000); '1000000-' -> (1000000, None)."""
    low, high = key.split("-")
    return int(low), (int(high) if high else None)


def _split(name, values):
    """Accept both ?stars=4&stars=5 and ?stars=4,5; a list longer than any real filter is refused."""
    parts = [part.strip() for value in values for part in value.split(",") if part.strip()]
    if len(parts) > MAX_VALUES:
        raise BadSearchRequest(_("%(name)s takes at most %(max)s values.") % {"name": name, "max": MAX_VALUES})
    return parts
