"""Search from the database: what `make demo` uses, and the fallback when Elasticsearch is unavailable.

Text matching works on `Product.search_text` (folded: no diacritics, đ -> d) so 'nuoc mam' finds
'Nước mắm'. Each facet's counts apply the filters of the *other* facets, as the Elasticsearch backend does.
"""

import math

from django.db.models import Case, Count, F, Min, OuterRef, Q, Subquery, Value, When
from oscar.core.loading import get_model

from storefront.ocop.models import badge_q, today
from storefront.ocop.text import fold

from .. import facets
from ..params import PRICE_BANDS, price_band
from .base import SearchResults

Product = get_model("catalogue", "Product")
LegacyProvince = get_model("ocop", "LegacyProvince")
StockRecord = get_model("partner", "StockRecord")


class DatabaseBackend:
    name = "database"

    def base_queryset(self):
        # The lowest price as a scalar subquery (not an aggregate) so it filters without a GROUP BY.
        min_price = (StockRecord.objects.filter(product=OuterRef("pk")).values("product")
                     .annotate(low=Min("price")).values("low"))
        return (Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])
                .alias(min_price=Subquery(min_price)))

    def search(self, params, *, per_page, day=None):
        day = day or today()
        badge = badge_q(day)
        filters = {
            "text": self.text_filter(params.q),
            "group": self.group_filter(params.group),
            "province": Q(origin_province__code__in=params.province) if params.province else Q(),
            "stars": (badge & Q(current_certificate__stars__in=params.stars)) if params.stars else Q(),
            "price": self.price_filter(params.price),
            "producer_type": Q(producer__legal_type__in=params.producer_type) if params.producer_type else Q(),
        }
        base = self.base_queryset()
        matching = base.filter(*filters.values())
        total = matching.count()
        num_pages = max(1, math.ceil(total / per_page))
        page = min(params.page, num_pages)
        ordered = self.order(matching, params, badge)
        start = (page - 1) * per_page
        products = list(self.with_listing_relations(ordered)[start:start + per_page])

        def others(name):
            return base.filter(*[value for key, value in filters.items() if key != name])

        facets = [
            self.group_facet(others("group"), params),
            self.province_facet(others("province"), params),
            self.stars_facet(others("stars").filter(badge), params),
            self.price_facet(others("price"), params),
            self.producer_type_facet(others("producer_type"), params),
        ]
        return SearchResults(total=total, products=products, page=page, num_pages=num_pages,
                             per_page=per_page, facets=facets, backend=self.name)

    def with_listing_relations(self, queryset):
        """What a listing card and the API read, fetched in a fixed number of queries."""
        # Oscar's base_queryset: product class, option flags, stock records and images, so a card costs no query
        return (queryset.base_queryset()
                .select_related("current_certificate", "origin_province", "producer",
                                "classification__parent__parent"))

    def text_filter(self, q):
        condition = Q()
        text = f" {fold(q)} "
        # a former province's name (Kiên Giang) finds what now comes from its successor (An Giang)
        for name, code in legacy_province_names():
            if f" {name} " in text:
                text = text.replace(f" {name} ", " ")
                condition &= Q(origin_province__code=code) | Q(search_text__contains=name)
        for term in text.split():
            condition &= Q(search_text__contains=term)
        return condition

    def group_filter(self, codes):
        condition = Q()
        for code in codes:
            condition |= Q(classification__code__startswith=f"{code}.")
        return condition

    def suggest_products(self, prefix, size=6):
        """Autocomplete from the database: titles with a word starting with what was typed."""
        folded = fold(prefix)
        candidates = (self.base_queryset().filter(search_text__contains=folded).order_by("title")
                      .values_list("pk", "title", "slug")[:size * 10])
        found = []
        for pk, title, slug in candidates:
            words = fold(title).split()
            if any(" ".join(words[i:]).startswith(folded) for i in range(len(words))):
                found.append((pk, title, slug))
        return found[:size]

    def price_filter(self, bands):
        condition = Q()
        for key in bands:
            condition |= band_q(key)
        return condition

    def order(self, queryset, params, badge):
        if params.sort in ("price_asc", "price_desc"):
            price = F("min_price").asc(nulls_last=True) if params.sort == "price_asc" else F("min_price").desc(
                nulls_last=True)
            return queryset.order_by(price, "title", "pk")
        if params.sort == "newest":
            return queryset.order_by("-date_created", "-pk")
        # relevance and stars: certified products first, more stars first, then title
        # the stars only count while the badge shows
        badge_stars = Case(When(badge, then=F("current_certificate__stars")), default=Value(0))
        return queryset.annotate(badge_stars=badge_stars).order_by("-badge_stars", "title", "pk")

    def group_facet(self, queryset, params):
        counts = dict(
            queryset.filter(classification__isnull=False).values_list("classification__parent__code")
            .annotate(n=Count("pk")).values_list("classification__parent__code", "n")
        )
        return facets.group_facet(counts, params)

    def province_facet(self, queryset, params):
        counts = dict(queryset.values_list("origin_province__code").annotate(n=Count("pk"))
                      .values_list("origin_province__code", "n"))
        return facets.province_facet(counts, params)

    def stars_facet(self, queryset, params):
        counts = dict(queryset.values_list("current_certificate__stars").annotate(n=Count("pk"))
                      .values_list("current_certificate__stars", "n"))
        return facets.stars_facet(counts, params)

    def price_facet(self, queryset, params):
        counts = queryset.aggregate(**{f"band{i}": Count("pk", filter=band_q(key))
                                       for i, key in enumerate(PRICE_BANDS)})
        return facets.price_facet({key: counts[f"band{i}"] for i, key in enumerate(PRICE_BANDS)}, params)

    def producer_type_facet(self, queryset, params):
        counts = dict(queryset.values_list("producer__legal_type").annotate(n=Count("pk"))
                      .values_list("producer__legal_type", "n"))
        return facets.producer_type_facet(counts, params)


def legacy_province_names():
    """(folded former province name, current province code), longest names first."""
    pairs = {(fold(name), code) for name, code in LegacyProvince.objects.values_list("name", "successor__code")}
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def band_q(key):
    low, high = price_band(key)
    condition = Q(min_price__gte=low)
    if high is not None:
        condition &= Q(min_price__lt=high)
    return condition
