"""Search from the database: what `make demo` uses, and the fallback when Elasticsearch is unavailable.

Text matching works on `Product.search_text` (folded: no diacritics, đ -> d) so 'nuoc mam' finds
'Nước mắm'. Each facet's counts apply the filters of the *other* facets, as the Elasticsearch backend does.
"""

import math

from django.db.models import Case, Count, F, Min, Q, Value, When
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from storefront.ocop.models import today
from storefront.ocop.text import fold

from storefront.ocop.taxonomy import current_taxonomy
from .base import Facet, FacetValue, SearchResults

Product = get_model("catalogue", "Product")
Province = get_model("ocop", "Province")


def badge_q(day, prefix="current_certificate__"):
    """Products whose current certificate shows a badge on `day` (same rule as rules.status_on)."""
    return (
        Q(**{f"{prefix}issued_on__lte": day, f"{prefix}valid_until__gte": day})
        & (Q(**{f"{prefix}revoked_on__isnull": True}) | Q(**{f"{prefix}revoked_on__gt": day}))
    )


class DatabaseBackend:
    name = "database"

    def base_queryset(self):
        return Product.objects.filter(is_public=True, structure__in=[Product.STANDALONE, Product.PARENT])

    def search(self, params, *, per_page, day=None):
        day = day or today()
        badge = badge_q(day)
        filters = {
            "text": self.text_filter(params.q),
            "group": self.group_filter(params.group),
            "province": Q(origin_province__code__in=params.province) if params.province else Q(),
            "stars": (badge & Q(current_certificate__stars__in=params.stars)) if params.stars else Q(),
        }
        base = self.base_queryset()
        matching = base.filter(*filters.values())
        total = matching.count()
        num_pages = max(1, math.ceil(total / per_page))
        page = min(params.page, num_pages)
        ordered = self.order(matching, params, badge)
        start = (page - 1) * per_page
        products = list(
            ordered.select_related("current_certificate", "origin_province", "producer",
                            "classification__parent__parent")
            .prefetch_related("images", "stockrecords")[start:start + per_page]
        )

        def others(name):
            return base.filter(*[value for key, value in filters.items() if key != name])

        facets = [
            self.group_facet(others("group"), params),
            self.province_facet(others("province"), params),
            self.stars_facet(others("stars").filter(badge), params),
        ]
        return SearchResults(total=total, products=products, page=page, num_pages=num_pages,
                             per_page=per_page, facets=facets, backend=self.name)

    def text_filter(self, q):
        condition = Q()
        for term in fold(q).split():
            condition &= Q(search_text__contains=term)
        return condition

    def group_filter(self, codes):
        condition = Q()
        for code in codes:
            condition |= Q(classification__code__startswith=f"{code}.")
        return condition

    def order(self, queryset, params, badge):
        if params.sort in ("price_asc", "price_desc"):
            queryset = queryset.annotate(min_price=Min("stockrecords__price"))
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
        taxonomy = current_taxonomy()
        counts = dict(
            queryset.filter(classification__isnull=False).values_list("classification__parent__code")
            .annotate(n=Count("pk")).values_list("classification__parent__code", "n")
        )
        values = []
        for sector in taxonomy.sectors:
            sector_count = sum(counts.get(group.code, 0) for group in sector.groups)
            values.append(FacetValue(sector.code, sector.name, sector_count, sector.code in params.group, 0))
            values.extend(
                FacetValue(group.code, group.name, counts.get(group.code, 0), group.code in params.group, 1)
                for group in sector.groups
            )
        return Facet("group", _("Product sector"), values)

    def province_facet(self, queryset, params):
        counts = dict(queryset.values_list("origin_province__code").annotate(n=Count("pk"))
                      .values_list("origin_province__code", "n"))
        values = [
            FacetValue(code, name, counts.get(code, 0), code in params.province)
            for code, name in Province.objects.order_by("name").values_list("code", "name")
            if counts.get(code) or code in params.province
        ]
        return Facet("province", _("Province/city"), values)

    def stars_facet(self, queryset, params):
        counts = dict(queryset.values_list("current_certificate__stars").annotate(n=Count("pk"))
                      .values_list("current_certificate__stars", "n"))
        values = [
            FacetValue(str(stars), _("%(stars)s stars") % {"stars": stars}, counts.get(stars, 0),
                       stars in params.stars)
            for stars in (5, 4, 3)
        ]
        return Facet("stars", _("OCOP star rating"), values)
